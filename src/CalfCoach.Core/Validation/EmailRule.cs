namespace CalfCoach.Core.Validation;

/// <summary>
/// An e-mail address that names an account: trimmed, at most <see cref="MaxLength"/> characters (RFC 5321's path limit),
/// one '@' with text on both sides, a dot in the domain, no spaces or control characters. Kept as typed; two addresses
/// that differ only in letter case are one account (<see cref="Normalize"/>), which is what people expect of e-mail.
/// </summary>
public sealed record EmailRule(string What, int MaxLength)
{
    public Checked<string?> Check(string key, string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return Checked.Refused<string?>(new InputError(key, $"{What} is needed; it cannot be empty."));
        }

        if (trimmed.Length > MaxLength)
        {
            return Checked.Refused<string?>(new InputError(key, $"{What} is {trimmed.Length} characters long; an address has at most {MaxLength}."));
        }

        var at = trimmed.IndexOf('@', StringComparison.Ordinal);
        var domain = at < 0 ? string.Empty : trimmed[(at + 1)..];
        if (at <= 0 || domain.Length == 0 || domain.Contains('@', StringComparison.Ordinal) || !domain.Contains('.', StringComparison.Ordinal)
            || domain.StartsWith('.') || domain.EndsWith('.') || trimmed.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return Checked.Refused<string?>(new InputError(key, $"{What} must look like name@example.org."));
        }

        return Checked.Valid<string?>(trimmed);
    }

    /// <summary>The form two addresses are compared in: trimmed, lower case (invariant culture).</summary>
    public static string Normalize(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToLowerInvariant();
    }
}
