using CalfCoach.Core.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CalfCoach.Web.Apis;

/// <summary>Query-string values parsed by the endpoints themselves, so a bad one is a problem response naming the parameter.</summary>
internal static class QueryValues
{
    /// <summary>
    /// A YYYY-MM-DD date within <see cref="InputRules.Day"/>: <c>?asOf=0001-01-01</c> is refused here, not left to make the
    /// analysis step off the start of the calendar (a 500).
    /// </summary>
    public static bool TryDate(string? text, string name, out DateOnly? date, out ProblemHttpResult? problem)
    {
        var check = InputRules.Day.Parse(name, text);
        date = check.IsValid ? check.Value : null;
        problem = check.Error is { } error ? Problems.Invalid(error) : null;
        return check.IsValid;
    }
}
