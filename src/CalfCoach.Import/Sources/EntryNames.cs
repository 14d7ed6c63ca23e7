using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace CalfCoach.Import.Sources;

/// <summary>
/// Archive entry names. Nothing is ever written to disk, but the names are shown in the terminal and
/// stored as the activity's source, so names that would be dangerous when extracted (the "zip slip"
/// family) or when printed (control characters, terminal escapes) are refused outright.
/// </summary>
internal static class EntryNames
{
    /// <summary>
    /// Checks a raw entry name and returns it with "/" separators (Windows tools sometimes write "\",
    /// which the zip specification, APPNOTE 4.4.17, forbids).
    /// </summary>
    public static bool TryNormalize(string raw, [NotNullWhen(true)] out string? normalized, [NotNullWhen(false)] out string? reason)
    {
        normalized = null;
        reason = Check(raw);
        if (reason is not null)
        {
            return false;
        }

        normalized = raw.Replace('\\', '/');
        return true;
    }

    private static string? Check(string raw)
    {
        if (raw.Length == 0)
        {
            return "it has an empty name";
        }

        if (raw.Contains('\0', StringComparison.Ordinal))
        {
            return "its name contains a NUL character";
        }

        foreach (var c in raw)
        {
            if (char.IsControl(c))
            {
                return "its name contains a control character";
            }
        }

        var name = raw.Replace('\\', '/');
        if (name.StartsWith('/'))
        {
            return "its name is an absolute path";
        }

        if (name.Length >= 2 && name[1] == ':' && char.IsAsciiLetter(name[0]))
        {
            return "its name starts with a drive letter";
        }

        foreach (var segment in name.Split('/'))
        {
            if (segment == "..")
            {
                return "its name climbs out of the archive with \"..\"";
            }
        }

        return null;
    }

    /// <summary>The name with control characters replaced, safe to print in a problem report.</summary>
    public static string Printable(string raw)
    {
        var builder = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            builder.Append(char.IsControl(c) ? '\uFFFD' : c);
        }

        return builder.ToString();
    }

    /// <summary>The last segment of a normalized ("/"-separated) name.</summary>
    public static string FileName(string normalized) => normalized[(normalized.LastIndexOf('/') + 1)..];

    /// <summary>The directory part of a normalized name, with its trailing "/", or "" at the root.</summary>
    public static string Directory(string normalized) => normalized[..(normalized.LastIndexOf('/') + 1)];

    /// <summary>True for entries that only carry another tool's metadata (macOS's "__MACOSX/" tree).</summary>
    public static bool IsMetadata(string normalized) =>
        normalized.StartsWith("__MACOSX/", StringComparison.OrdinalIgnoreCase)
        || normalized.Contains("/__MACOSX/", StringComparison.OrdinalIgnoreCase);
}
