using System.Data.Common;
using System.Text;
using Dapper;

namespace CalfCoach.Testing;

/// <summary>What must not remain anywhere after a runner's account is erased.</summary>
/// <param name="Texts">Strings (an e-mail address, a marker in a note or a shoe's name) looked for in every text and blob, in any letter case.</param>
/// <param name="RunnerId">The erased runner's id, looked for in every <c>runner_id</c> column.</param>
/// <param name="AccountId">The erased account's id, looked for in every column naming an account (<c>…account_id</c>).</param>
internal sealed record ErasedRunner(IReadOnlyList<string> Texts, long RunnerId, long AccountId);

/// <summary>
/// Reads every row of every table of a CalfCoach database (whatever tables a later migration adds: the list comes from the
/// database's catalogue, not from the code) and reports each cell that still holds something of an erased runner.
/// </summary>
internal static class DatabaseScan
{
    public static IReadOnlyList<string> Traces(DbConnection connection, ErasedRunner erased)
    {
        var postgres = connection.GetType().Name.StartsWith("Npgsql", StringComparison.Ordinal);
        var tables = connection.Query<string>(postgres
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").ToList();
        var needles = erased.Texts.Select(t => t.ToLowerInvariant()).ToList();
        var traces = new List<string>();
        foreach (var table in tables)
        {
            foreach (IDictionary<string, object?> row in connection.Query($"SELECT * FROM {table}"))
            {
                foreach (var (column, value) in row)
                {
                    var where = $"{table}.{column}";
                    switch (value)
                    {
                        case string text when needles.FirstOrDefault(n => text.Contains(n, StringComparison.OrdinalIgnoreCase)) is { } found:
                            traces.Add($"{where} holds \"{found}\"");
                            break;
                        case byte[] bytes when needles.FirstOrDefault(n => Contains(bytes, n)) is { } found:
                            traces.Add($"{where} holds \"{found}\" in its bytes");
                            break;
                        case long or int when column == "runner_id" && Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) == erased.RunnerId:
                            traces.Add($"{where} is the erased runner's id");
                            break;
                        case long or int when column.EndsWith("account_id", StringComparison.Ordinal) && Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) == erased.AccountId:
                            traces.Add($"{where} is the erased account's id");
                            break;
                    }
                }
            }
        }

        return traces;
    }

    private static bool Contains(byte[] haystack, string needle) =>
        haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0
        || Encoding.UTF8.GetString(haystack).Contains(needle, StringComparison.OrdinalIgnoreCase);
}
