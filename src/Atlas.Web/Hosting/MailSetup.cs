using Atlas.Core.Mail;

namespace Atlas.Web.Hosting;

/// <summary>The portal's outgoing mail (<see cref="IOutgoingMail"/>), delivered by <see cref="MailDelivery"/>.</summary>
public static class MailSetup
{
    public static IServiceCollection AddAtlasMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        services.AddSingleton<IOutgoingMail, MailDelivery>();
        return services;
    }
}
