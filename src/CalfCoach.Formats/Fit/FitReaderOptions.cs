namespace CalfCoach.Formats.Fit;

/// <summary>Options for <see cref="FitReader"/>.</summary>
/// <param name="SkipCrcVerification">
/// When true the header CRC and the file CRC are read but not checked, so a file whose only damage is a wrong CRC
/// can still be salvaged. The default (false) checks both and reports a mismatch as <see cref="FitFormatException"/>.
/// </param>
public readonly record struct FitReaderOptions(bool SkipCrcVerification = false);
