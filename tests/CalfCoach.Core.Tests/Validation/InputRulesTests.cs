using CalfCoach.Core.Validation;

namespace CalfCoach.Core.Tests.Validation;

/// <summary>The one check per kind of value that every shell (JSON, forms, CLI options) uses before the domain sees it.</summary>
public sealed class InputRulesTests
{
    [Theory]
    [InlineData(double.PositiveInfinity, "infinity")]
    [InlineData(double.NegativeInfinity, "infinity")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(1e308, "1E+308")]
    [InlineData(-0.5, "-0.5")]
    [InlineData(10_000.01, "10000.01")]
    public void A_starting_distance_that_no_shoe_can_have_is_refused_with_the_range_and_the_value(double km, string shown)
    {
        var check = InputRules.ShoeStartKm.Check("startKm", km);

        Assert.False(check.IsValid);
        Assert.Equal("startKm", check.Error!.Key);
        Assert.Equal($"The distance already run in the shoe must be a number from 0 to 10000 km, not {shown}.", check.Error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(812.5)]
    [InlineData(10_000)]
    public void A_starting_distance_within_the_range_is_kept_as_given(double km)
    {
        var check = InputRules.ShoeStartKm.Check("startKm", km);

        Assert.True(check.IsValid);
        Assert.Equal(km, check.Value);
    }

    [Fact]
    public void A_missing_optional_number_is_valid_and_stays_missing() =>
        Assert.Equal((true, (double?)null), (InputRules.LoadKg.Check("loadKg", (double?)null) is var c ? (c.IsValid, c.Value) : default));

    [Fact]
    public void A_shoe_name_of_900_kilobytes_is_refused_with_its_length_and_the_limit_not_echoed()
    {
        var check = InputRules.ShoeName.Check("name", new string('n', 900_000));

        Assert.Equal("The shoe's name is 900000 characters long; keep it to 100.", check.Error!.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_shoe_name_is_refused_as_needed(string? name) =>
        Assert.Equal("The shoe's name is needed; it cannot be empty.", InputRules.ShoeName.Check("name", name).Error!.Message);

    [Fact]
    public void A_shoe_name_is_trimmed_and_its_length_counted_after_trimming()
    {
        var check = InputRules.ShoeName.Check("name", "  " + new string('p', 100) + "  ");

        Assert.True(check.IsValid);
        Assert.Equal(new string('p', 100), check.Value);
    }

    [Theory]
    [InlineData("Pegasus\u0000")]
    [InlineData("Peg\u001basus")]
    [InlineData("Pega\nsus")]
    public void A_shoe_name_with_a_control_character_is_refused(string name) =>
        Assert.Contains("control character", InputRules.ShoeName.Check("name", name).Error!.Message, StringComparison.Ordinal);

    [Fact]
    public void A_note_may_have_line_breaks_and_a_blank_note_is_no_note()
    {
        Assert.Equal("felt tight\non the hill", InputRules.Note.Check("note", " felt tight\non the hill ").Value);
        Assert.Null(InputRules.Note.Check("note", "  ").Value);
        Assert.True(InputRules.Note.Check("note", "  ").IsValid);
    }

    [Fact]
    public void A_note_over_2000_characters_is_refused() =>
        Assert.Equal("note", InputRules.Note.Check("note", new string('x', 2_001)).Error!.Key);

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(100, true)]
    [InlineData(101, false)]
    [InlineData(long.MaxValue, false)]
    public void Sets_are_one_to_a_hundred(long sets, bool valid) =>
        Assert.Equal(valid, InputRules.Sets.Check("sets", sets).IsValid);

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("1899-12-31")]
    [InlineData("2200-01-01")]
    [InlineData("9999-12-31")]
    public void A_date_off_the_ends_of_the_calendar_is_refused_with_the_range(string text)
    {
        var check = InputRules.Day.Parse("asOf", text);

        Assert.Equal(new InputError("asOf", $"The date must be between 1900-01-01 and 2199-12-31, not {text}."), check.Error);
    }

    [Fact]
    public void A_date_that_is_not_yyyy_mm_dd_is_refused_and_a_long_one_is_cut_in_the_message()
    {
        var check = InputRules.Day.Parse("since", new string('9', 5_000));

        Assert.StartsWith("The date must be written YYYY-MM-DD, such as 2026-03-14, not \"9999", check.Error!.Message, StringComparison.Ordinal);
        Assert.True(check.Error.Message.Length < 200);
    }

    [Fact]
    public void No_date_is_valid_and_stays_missing()
    {
        var check = InputRules.Day.Parse("since", null);

        Assert.True(check.IsValid);
        Assert.Null(check.Value);
    }
}
