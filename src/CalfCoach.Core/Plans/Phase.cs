namespace CalfCoach.Core.Plans;

/// <summary>The stages of the recovery programme, in order (EVIDENCE.md 2.1, 2.2, 3.6, 4.1–4.4, 5.3).</summary>
public enum Phase
{
    /// <summary>The first 48–72 h: protection, ice, compression, elevation (EVIDENCE.md 2.1).</summary>
    FirstAid = 0,

    /// <summary>Gentle movement, self-massage once allowed, light stretching (EVIDENCE.md 2.2, 2.4, 2.5).</summary>
    Recovery = 1,

    /// <summary>Eccentric heel drops with pain-guided progression (EVIDENCE.md 4.1, 4.2, 4.4).</summary>
    Strengthening = 2,

    /// <summary>The walk–run ladder with a capped weekly distance (EVIDENCE.md 3.6).</summary>
    ReturnToRun = 3,

    /// <summary>Cadence retraining, shoes and safe weekly progression (EVIDENCE.md 3.1–3.3, 5.3, 6).</summary>
    Prevention = 4,
}

public static class PhaseExtensions
{
    /// <summary>The stable word used on the wire (JSON, CLI): part of the public contract.</summary>
    public static string WireName(this Phase phase) => phase switch
    {
        Phase.FirstAid => "first-aid",
        Phase.Recovery => "recovery",
        Phase.Strengthening => "strengthening",
        Phase.ReturnToRun => "return-to-run",
        Phase.Prevention => "prevention",
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, null),
    };

    /// <summary>The phase in plain words, for people.</summary>
    public static string Title(this Phase phase) => phase switch
    {
        Phase.FirstAid => "first aid",
        Phase.Recovery => "recovery",
        Phase.Strengthening => "strengthening",
        Phase.ReturnToRun => "return to running",
        Phase.Prevention => "prevention",
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, null),
    };

    /// <summary>The stable word for a heel-drop level on the wire.</summary>
    public static string WireName(this HeelDropLevel level) => level switch
    {
        HeelDropLevel.BothLegs => "both-legs",
        HeelDropLevel.OneLeg => "one-leg",
        HeelDropLevel.AddedWeight => "added-weight",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };
}

/// <summary>Heel-drop levels, easiest first (EVIDENCE.md 4.4: double-leg → single-leg → loaded).</summary>
public enum HeelDropLevel
{
    BothLegs = 0,
    OneLeg = 1,
    AddedWeight = 2,
}
