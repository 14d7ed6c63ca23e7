namespace CalfCoach.Core.Accounts;

/// <summary>What a runner lets a clinician do with their data: read it, or also record visits and clearance (review).</summary>
public enum ShareAccess
{
    Read,
    Review,
}

/// <summary>The access levels' names as written in the database and in JSON.</summary>
public static class ShareAccesses
{
    public static IReadOnlyList<string> Names { get; } = ["read", "review"];

    public static string Name(ShareAccess access) => access switch
    {
        ShareAccess.Read => "read",
        ShareAccess.Review => "review",
        _ => throw new ArgumentOutOfRangeException(nameof(access), access, null),
    };

    /// <summary>Reads a level exactly as written (no trimming or case folding: a consent is not guessed at).</summary>
    public static bool TryParse(string? name, out ShareAccess access)
    {
        switch (name)
        {
            case "read":
                access = ShareAccess.Read;
                return true;
            case "review":
                access = ShareAccess.Review;
                return true;
            default:
                access = default;
                return false;
        }
    }

    /// <summary>True when <paramref name="granted"/> allows what <paramref name="needed"/> asks (review includes read).</summary>
    public static bool Allows(this ShareAccess granted, ShareAccess needed) => granted >= needed;
}
