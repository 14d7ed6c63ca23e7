using CalfCoach.Core.Validation;

namespace CalfCoach.Core.Tests.Validation;

/// <summary>The id an offline queue gives a check-in: safe characters, bounded, optional.</summary>
public sealed class ClientIdRuleTests
{
    [Theory]
    [InlineData("0b6f8c1e-3c44-4a8e-9d0f-5a1b2c3d4e5f")]
    [InlineData("q_1")]
    public void A_uuid_or_other_safe_id_is_kept_as_sent(string id) =>
        Assert.Equal(id, InputRules.ClientId.Check("clientId", id).Value);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void No_id_is_valid_and_means_none(string? id)
    {
        var check = InputRules.ClientId.Check("clientId", id);

        Assert.True(check.IsValid);
        Assert.Null(check.Value);
    }

    [Theory]
    [InlineData("a b")]
    [InlineData("id;DROP")]
    [InlineData("é")]
    [InlineData("../x")]
    public void An_id_with_other_characters_is_refused_naming_the_key(string id)
    {
        var check = InputRules.ClientId.Check("clientId", id);

        Assert.Equal("clientId", check.Error?.Key);
        Assert.Contains("letters, digits", check.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_id_longer_than_64_characters_is_refused()
    {
        Assert.True(InputRules.ClientId.Check("clientId", new string('a', 64)).IsValid);
        Assert.Equal("clientId", InputRules.ClientId.Check("clientId", new string('a', 65)).Error?.Key);
    }
}
