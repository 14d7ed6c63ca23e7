using CalfCoach.Core;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CalfCoach.Web.Apis;

/// <summary>Query-string values parsed by the endpoints themselves, so a bad one is a problem response naming the parameter.</summary>
internal static class QueryValues
{
    public static bool TryDate(string? text, string name, out DateOnly? date, out ProblemHttpResult? problem)
    {
        date = null;
        problem = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (IsoDate.TryParse(text, out var parsed))
        {
            date = parsed;
            return true;
        }

        problem = Problems.Invalid(name, $"\"{name}\" must be a date written YYYY-MM-DD, such as 2026-03-14, not \"{text}\".");
        return false;
    }

}
