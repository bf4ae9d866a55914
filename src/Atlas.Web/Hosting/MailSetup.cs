using Atlas.Core.Mail;

namespace Atlas.Web.Hosting;

/// <summary>The portal's outgoing mail (<see cref="IOutgoingMail"/>), delivered by <see cref="MailDelivery"/>, and where its links start (<see cref="IPortalLinks"/>).</summary>
public static class MailSetup
{
    public static IServiceCollection AddAtlasMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        services.AddSingleton<IOutgoingMail, MailDelivery>();
        services.AddSingleton<IPortalLinks, PortalLinks>();
        return services;
    }
}
