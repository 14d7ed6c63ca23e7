namespace CalfCoach.Core.Accounts;

/// <summary>What an account may do on a server with sign-in: an athlete owns one runner's data; a clinician follows
/// runners who share with them (a later issue); an admin manages the server's settings.</summary>
public enum AccountRole
{
    Athlete,
    Clinician,
    Admin,
}

/// <summary>The roles' names as written in the database, on the command line and in JSON.</summary>
public static class AccountRoles
{
    public static IReadOnlyList<string> Names { get; } = ["athlete", "clinician", "admin"];

    public static string Name(AccountRole role) => role switch
    {
        AccountRole.Athlete => "athlete",
        AccountRole.Clinician => "clinician",
        AccountRole.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static bool TryParse(string? name, out AccountRole role)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "athlete":
                role = AccountRole.Athlete;
                return true;
            case "clinician":
                role = AccountRole.Clinician;
                return true;
            case "admin":
                role = AccountRole.Admin;
                return true;
            default:
                role = default;
                return false;
        }
    }
}
