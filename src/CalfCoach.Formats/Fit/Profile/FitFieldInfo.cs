namespace CalfCoach.Formats.Fit.Profile;

/// <summary>
/// A field of the FIT global profile: number, name, base type, scale, offset and units.
/// The physical value is <c>stored / Scale − Offset</c> (FIT protocol, "Scale/Offset").
/// </summary>
public readonly record struct FitFieldInfo(byte Number, string Name, FitBaseType BaseType, double Scale, double Offset, string Units)
{
    public FitFieldInfo(byte number, string name, FitBaseType baseType, string units = "")
        : this(number, name, baseType, 1, 0, units)
    {
    }
}
