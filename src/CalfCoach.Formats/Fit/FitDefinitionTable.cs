namespace CalfCoach.Formats.Fit;

/// <summary>
/// Storage for the 16 local message definitions a FIT reader keeps while it reads. It is allocated once (about 70 KB)
/// and reused: pass the same table to successive readers on one thread to decode many files without allocating.
/// </summary>
/// <remarks>
/// Fixed-size arrays sized for the protocol maximum (16 local messages × 255 fields × 255 developer fields), plus a
/// field-number → slot index per local message so a typed read is a constant-time lookup. A table must not be
/// shared by two readers that are alive at the same time.
/// </remarks>
public sealed class FitDefinitionTable
{
    internal const int LocalMessageCount = 16;
    internal const int MaxFields = 255;
    private const int FieldNumberCount = 256;

    private readonly LocalDefinition[] _locals = new LocalDefinition[LocalMessageCount];
    private readonly FieldSlot[] _fields = new FieldSlot[LocalMessageCount * MaxFields];
    private readonly FieldSlot[] _developerFields = new FieldSlot[LocalMessageCount * MaxFields];

    // For each local message and field number: 1 + index into that local message's fields, or 0 when absent.
    private readonly byte[] _slotByFieldNumber = new byte[LocalMessageCount * FieldNumberCount];

    // Called for every message; the reader's large methods would otherwise exhaust the JIT's inlining budget first.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal ref LocalDefinition Local(int localMessage) => ref _locals[localMessage];

    internal Span<FieldSlot> Fields(int localMessage) => _fields.AsSpan(localMessage * MaxFields, MaxFields);

    internal Span<FieldSlot> DeveloperFields(int localMessage) => _developerFields.AsSpan(localMessage * MaxFields, MaxFields);

    internal Span<byte> SlotByFieldNumber(int localMessage) =>
        _slotByFieldNumber.AsSpan(localMessage * FieldNumberCount, FieldNumberCount);

    /// <summary>Forgets every definition: each chained FIT file starts with none.</summary>
    internal void Clear() => Array.Clear(_locals);

    internal struct LocalDefinition
    {
        public bool IsDefined;
        public bool IsBigEndian;
        public ushort GlobalMessageNumber;
        public byte FieldCount;
        public byte DeveloperFieldCount;

        /// <summary>Bytes of field content in a data message (header byte excluded).</summary>
        public int ContentSize;

        /// <summary>Offset of the definition message, for error messages.</summary>
        public int DefinedAt;

        /// <summary>Length in bytes of the definition message (record header included).</summary>
        public int DefinitionLength;

        /// <summary>Index of the timestamp field (253) among the fields, or -1; with its offset, size and base type.</summary>
        public int TimestampIndex;
        public int TimestampOffset;
        public byte TimestampSize;
        public byte TimestampTag;
    }

    /// <summary>A field or developer field: <c>Tag</c> is the base type, or the developer data index for developer fields.</summary>
    internal struct FieldSlot
    {
        public byte Number;
        public byte Size;
        public byte Tag;

        /// <summary>Offset of the field inside the data message content.</summary>
        public int Offset;
    }
}
