namespace CalfCoach.Formats.Fit;

/// <summary>One field of a definition message (FIT protocol, "Field Definition": number, size in bytes, base type).</summary>
/// <param name="Size">Size in bytes; a multiple of the base type size means an array.</param>
/// <param name="BaseType">
/// The declared base type, except that a size which is not a positive multiple of the base type size is read as
/// <see cref="FitBaseType.Byte"/> (as Garmin's SDK does) so that no typed read can run past the field.
/// </param>
public readonly record struct FitFieldDefinition(byte FieldNumber, byte Size, FitBaseType BaseType);

/// <summary>
/// One developer field of a definition message (FIT protocol 2.0, "Developer Field Definition"). Its meaning and base
/// type come from the matching field_description message (global 206), which the reader does not interpret.
/// </summary>
public readonly record struct FitDeveloperFieldDefinition(byte FieldNumber, byte Size, byte DeveloperDataIndex);
