using CapacityBuilding.ServiceDefaults.Validation;

namespace CapacityBuilding.Tests.Validation;

/// <summary>The rule for every string a caller sends (<see cref="FreeText"/>), one character at a time.</summary>
public sealed class FreeTextTests
{
    /// <summary>Control (Cc) and format (Cf) characters and U+FFFE, refused wherever they stand.</summary>
    public static TheoryData<string> RefusedCharacters => new()
    {
        "\u0000", "\u0007", "\u001B", "\u007F", "\u0085", "\r",
        "\u200B", "\u200C", "\u200D", "\u200E", "\u202E", "\u2066", "\uFEFF", "\U000E0001", "\uFFFE",
    };

    [Theory]
    [MemberData(nameof(RefusedCharacters))]
    public void Control_and_format_characters_are_refused_naming_the_code_point(string character)
    {
        var accepted = FreeText.Accept($"Cyber{character}crime", out var problem);

        Assert.Null(accepted);
        Assert.Contains($"U+{char.ConvertToUtf32(character, 0):X4}", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Electronic evidence")]
    [InlineData("line one\nline two\twith a tab")]
    [InlineData("التدريب على الأدلة الإلكترونية")]
    [InlineData("电子证据培训")]
    [InlineData("Обучение по электронным доказательствам")]
    [InlineData("Ωmrḥbā — «citations» 😀")]
    [InlineData("a noncharacter \uFFFF passes")]
    [InlineData("")]
    public void Letters_of_any_script_tab_and_line_feed_are_kept_as_they_are(string text)
    {
        Assert.Equal(text, FreeText.Accept(text, out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void Decomposed_text_is_stored_composed()
    {
        Assert.Equal("Caf\u00E9 num\u00E9rique", FreeText.Accept("Cafe\u0301 nume\u0301rique", out _));
    }

    [Fact]
    public void A_browser_line_end_is_stored_as_a_line_feed()
    {
        Assert.Equal("first\nsecond\n", FreeText.Accept("first\r\nsecond\r\n", out _));
    }

    [Fact]
    public void An_unpaired_surrogate_is_refused()
    {
        Assert.Null(FreeText.Accept("half \uD800 a pair", out var problem));
        Assert.Contains("surrogate", problem, StringComparison.Ordinal);
    }
}
