namespace CalfCoach.Core.Assessment;

/// <summary>One thing to do, with when to do it.</summary>
/// <param name="Addresses">Ids of the contributing factors this item works on (empty for first aid).</param>
public sealed record PlanItem(string Id, string Title, string Details, string When, IReadOnlyList<string> Addresses);

/// <summary>An item deliberately left out of the plan, and why.</summary>
public sealed record WithheldItem(string Id, string Reason);
