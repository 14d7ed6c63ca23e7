using CalfCoach.Core.Accounts;
using CalfCoach.Core.Validation;

namespace CalfCoach.Core.Tests.Validation;

/// <summary>The rules for an account's e-mail address, password and token names, and the role names.</summary>
public sealed class AccountRulesTests
{
    [Theory]
    [InlineData("ann@example.org", "ann@example.org")]
    [InlineData("  Ann.Lee+calf@Example.ORG ", "Ann.Lee+calf@Example.ORG")]
    public void A_plain_address_is_kept_as_typed_but_trimmed(string typed, string kept)
    {
        var check = InputRules.Email.Check("email", typed);

        Assert.True(check.IsValid);
        Assert.Equal(kept, check.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ann")]
    [InlineData("@example.org")]
    [InlineData("ann@")]
    [InlineData("ann@localhost")]
    [InlineData("ann@example.org.")]
    [InlineData("ann@@example.org")]
    [InlineData("ann lee@example.org")]
    [InlineData("ann\u0000@example.org")]
    public void Anything_else_is_refused_naming_the_key(string? typed)
    {
        var check = InputRules.Email.Check("email", typed);

        Assert.Equal("email", check.Error?.Key);
    }

    [Fact]
    public void An_address_over_254_characters_is_refused()
    {
        Assert.False(InputRules.Email.Check("email", new string('a', 243) + "@example.org").IsValid);
        Assert.True(InputRules.Email.Check("email", new string('a', 242) + "@example.org").IsValid);
    }

    [Fact]
    public void Addresses_are_compared_in_lower_case()
    {
        Assert.Equal(EmailRule.Normalize("ann@example.org"), EmailRule.Normalize(" ANN@Example.Org "));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("eleven char", false)]
    [InlineData("twelve chars", true)]
    [InlineData("  spaces count  ", true)]
    public void A_password_needs_12_characters_and_is_never_trimmed_or_echoed(string? password, bool valid)
    {
        var check = InputRules.Password.Check("password", password);

        Assert.Equal(valid, check.IsValid);
        Assert.Equal(valid ? password : null, check.Value);
        Assert.True(check.Error is null || !check.Error.Message.Contains(password ?? "\u0001", StringComparison.Ordinal));
    }

    [Fact]
    public void A_password_over_256_characters_is_refused()
    {
        Assert.True(InputRules.Password.Check("password", new string('p', 256)).IsValid);
        Assert.False(InputRules.Password.Check("password", new string('p', 257)).IsValid);
    }

    [Fact]
    public void A_token_name_is_required_and_plain_text()
    {
        Assert.Equal("laptop", InputRules.TokenName.Check("name", " laptop ").Value);
        Assert.False(InputRules.TokenName.Check("name", " ").IsValid);
        Assert.False(InputRules.TokenName.Check("name", new string('n', 101)).IsValid);
    }

    [Fact]
    public void Every_role_name_reads_back_as_its_role()
    {
        foreach (var role in Enum.GetValues<AccountRole>())
        {
            Assert.True(AccountRoles.TryParse(AccountRoles.Name(role), out var read));
            Assert.Equal(role, read);
        }

        Assert.Equal(Enum.GetValues<AccountRole>().Select(AccountRoles.Name), AccountRoles.Names);
        Assert.False(AccountRoles.TryParse("root", out _));
    }
}
