namespace CalfCoach.Import.Tests.Importing;

/// <summary>Issue 12, defect 5: one budget of bytes for the whole process, waited for by the CLI and refused by the web.</summary>
public sealed class ImportMemoryBudgetTests
{
    private const long MiB = 1024 * 1024;

    [Theory]
    [InlineData(null, ImportMemoryBudget.DefaultBytes)]
    [InlineData("", ImportMemoryBudget.DefaultBytes)]
    [InlineData("256", 256 * MiB)]
    [InlineData(" 2048 ", 2048 * MiB)]
    public void The_environment_variable_sets_the_budget_in_mebibytes(string? value, long expected)
    {
        Assert.True(ImportMemoryBudget.TryFromEnvironment(value, out var budget, out var error));

        Assert.Null(error);
        Assert.Equal(expected, budget.CapacityBytes);
    }

    [Theory]
    [InlineData("1GB")]
    [InlineData("1.5")]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("8")]
    [InlineData("99999999999999999999")]
    public void An_invalid_value_is_reported_naming_the_variable_not_ignored(string value)
    {
        Assert.False(ImportMemoryBudget.TryFromEnvironment(value, out _, out var error));

        Assert.StartsWith($"CALFCOACH_IMPORT_MEMORY_MB=\"{value}\" is not a memory budget", error, StringComparison.Ordinal);
        Assert.Contains("whole number of MiB", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_web_import_is_refused_when_other_imports_hold_the_budget()
    {
        var budget = new ImportMemoryBudget(64 * MiB);
        using var held = Hold(budget.StartSession(ImportMemoryBudget.BudgetWait.Wait), 60 * MiB);
        var web = budget.StartSession(ImportMemoryBudget.BudgetWait.RefuseWhenOthersHoldIt);

        var (reading, lease) = web.BeginRead(TestContext.Current.CancellationToken);
        using (reading)
        using (lease)
        {
            var error = Assert.Throws<ImportMemoryBusyException>(() => lease.GrowTo(10 * MiB, TestContext.Current.CancellationToken));
            Assert.Contains("64 MiB", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(60 * MiB, budget.HeldBytes);
    }

    [Fact]
    public async Task A_cli_import_waits_until_the_bytes_are_released_then_goes_on()
    {
        var budget = new ImportMemoryBudget(64 * MiB);
        var held = Hold(budget.StartSession(ImportMemoryBudget.BudgetWait.Wait), 60 * MiB);
        var cli = budget.StartSession(ImportMemoryBudget.BudgetWait.Wait);

        var waiting = Task.Run(
            () =>
            {
                var (reading, lease) = cli.BeginRead(TestContext.Current.CancellationToken);
                using (reading)
                {
                    lease.GrowTo(10 * MiB, TestContext.Current.CancellationToken);
                    return lease;
                }
            },
            TestContext.Current.CancellationToken);

        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.False(waiting.IsCompleted);

        held.Dispose();
        using var granted = await waiting.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal(10 * MiB, budget.HeldBytes);
    }

    [Fact]
    public void A_file_larger_than_the_whole_budget_fails_on_its_own_instead_of_waiting_for_ever()
    {
        var budget = new ImportMemoryBudget(16 * MiB);
        var (reading, lease) = budget.StartSession(ImportMemoryBudget.BudgetWait.Wait).BeginRead(TestContext.Current.CancellationToken);
        using (reading)
        using (lease)
        {
            var error = Assert.Throws<ImportMemoryExceededException>(() => lease.GrowTo(17 * MiB, TestContext.Current.CancellationToken));
            Assert.Contains("CALFCOACH_IMPORT_MEMORY_MB", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(0, budget.HeldBytes);
    }

    [Fact]
    public void Closing_an_import_gives_back_what_its_queues_still_held_and_late_releases_do_nothing()
    {
        var budget = new ImportMemoryBudget(64 * MiB);
        var session = budget.StartSession(ImportMemoryBudget.BudgetWait.Wait);
        var left = Hold(session, 20 * MiB);

        session.Close();
        Assert.Equal(0, budget.HeldBytes);

        left.Dispose();
        Assert.Equal(0, budget.HeldBytes);
    }

    /// <summary>A file already read and waiting for a decoder: its bytes are held, the reading lock is not.</summary>
    private static ImportMemoryBudget.Lease Hold(ImportMemoryBudget.Session session, long bytes)
    {
        var (reading, lease) = session.BeginRead(TestContext.Current.CancellationToken);
        using (reading)
        {
            lease.GrowTo(bytes, TestContext.Current.CancellationToken);
        }

        return lease;
    }
}
