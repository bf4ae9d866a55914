namespace Atlas.Core.Mail;

/// <summary>One plain-text message in French to one person: a subject, a short text and at most one link.</summary>
public sealed record OutgoingMail(string ToAddress, string ToName, string Kind, string Subject, string Text, string? Link);
