namespace CalfCoach.Core.Assessment;

/// <summary>Pain on the 0–10 numeric rating scale (0 none, 10 worst imaginable).</summary>
public readonly record struct PainScore
{
    public const int Max = 10;

    public PainScore(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, Max);
        Value = value;
    }

    public int Value { get; }

    public override string ToString() => $"{Value}/10";
}
