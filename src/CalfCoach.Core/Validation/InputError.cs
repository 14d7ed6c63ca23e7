namespace CalfCoach.Core.Validation;

/// <summary>
/// A value a person typed or a client sent that cannot be used. <see cref="Key"/> names the value in the request's own
/// terms (the JSON key in camelCase, e.g. <c>startKm</c>; the CLI shows it as <c>--start-km</c>, a page next to its field);
/// <see cref="Message"/> says what is wrong and what to send instead, in plain words. Shells render it; they never parse it.
/// </summary>
public sealed record InputError(string Key, string Message);

/// <summary>A checked input: the usable value, or the error that says why there is none.</summary>
public readonly record struct Checked<T>
{
    internal Checked(T value, InputError? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>The value (normalised, e.g. trimmed text); meaningless when <see cref="Error"/> is set.</summary>
    public T Value { get; }

    public InputError? Error { get; }

    public bool IsValid => Error is null;
}

/// <summary>Makes <see cref="Checked{T}"/> values.</summary>
public static class Checked
{
    public static Checked<T> Valid<T>(T value) => new(value, null);

    public static Checked<T> Refused<T>(InputError error) => new(default!, error ?? throw new ArgumentNullException(nameof(error)));
}
