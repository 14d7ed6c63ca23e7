using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;

namespace CalfCoach.Testing;

/// <summary>A typed resource class and its .resx agree: every member has its text, and every text a member (none forgotten).</summary>
internal static class ResourceTexts
{
    public static void AssertMatch(Type typed)
    {
        var resources = new ResourceManager(typed).GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)
            ?? throw new InvalidOperationException($"No resources for {typed.FullName}.");
        var texts = resources.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string?)e.Value);
        var members = typed.GetMembers(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m is PropertyInfo or MethodInfo { IsSpecialName: false })
            .Select(m => m.Name)
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(texts.Keys.Order(StringComparer.Ordinal), members.Order(StringComparer.Ordinal));
        Assert.All(texts, t => Assert.False(string.IsNullOrWhiteSpace(t.Value), $"{t.Key} is empty"));
    }

    /// <summary>Every member's text, formatted with sample values where it takes some.</summary>
    public static IReadOnlyList<string> All(Type typed) =>
        [.. typed.GetMembers(BindingFlags.Public | BindingFlags.Static).Select(m => m switch
        {
            PropertyInfo p => p.GetValue(null)!.ToString()!,
            MethodInfo { IsSpecialName: false } f => f.Invoke(null, [.. f.GetParameters().Select(p => p.ParameterType == typeof(string) ? "x" : Convert.ChangeType(3, p.ParameterType, CultureInfo.InvariantCulture))])!.ToString()!,
            _ => string.Empty,
        }).Where(t => t.Length > 0)];
}
