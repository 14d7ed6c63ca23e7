using System.Security.Cryptography;
using CalfCoach.Core.Accounts;

namespace CalfCoach.Storage.Tests;

/// <summary>Shares, the clinician's access and its audit, uploaded originals and the erasure of an account (migration 10).</summary>
public abstract partial class StoreTests
{
    [Fact]
    public void A_share_reaches_only_a_clinician_account_and_an_athletes_address_answers_as_an_unknown_one()
    {
        var database = OpenDatabase();
        var accounts = new AccountStore(database);
        var runner = accounts.Create("ann@example.org", "hash", AccountRole.Athlete)!;
        accounts.Create("Physio@Example.org", "hash", AccountRole.Clinician);
        accounts.Create("bo@example.org", "hash", AccountRole.Athlete);
        accounts.Create("root@example.org", "hash", AccountRole.Admin);
        var shares = new ShareStore(database.ForRunner(new RunnerId(runner.RunnerId!.Value)));

        var share = shares.Share("physio@example.org", ShareAccess.Read);

        Assert.NotNull(share);
        Assert.Equal("Physio@Example.org", share.ClinicianEmail);
        Assert.Null(shares.Share("bo@example.org", ShareAccess.Read));
        Assert.Null(shares.Share("root@example.org", ShareAccess.Read));
        Assert.Null(shares.Share("nobody@example.org", ShareAccess.Read));
        Assert.Equal(ShareAccess.Review, shares.Share("PHYSIO@example.org", ShareAccess.Review)!.Access);
        Assert.Equal([share.Id], shares.List().Select(s => s.Id));
    }

    [Fact]
    public void A_clinician_opens_a_runners_data_only_under_a_share_with_enough_access_and_each_opening_is_audited()
    {
        var database = OpenDatabase().WithoutRunner();
        var accounts = new AccountStore(database);
        var runner = accounts.Create("ann@example.org", "hash", AccountRole.Athlete)!;
        var other = accounts.Create("bo@example.org", "hash", AccountRole.Athlete)!;
        var physio = accounts.Create("physio@example.org", "hash", AccountRole.Clinician)!;
        var actor = new AuditActor(physio.Id, physio.Email, physio.Role);
        var ann = new RunnerId(runner.RunnerId!.Value);
        var access = new ClinicianAccess(database);
        var shares = new ShareStore(database.ForRunner(ann));

        Assert.Null(access.Open(actor, ann, ShareAccess.Read, "read", "plan"));
        var share = shares.Share(physio.Email, ShareAccess.Read)!;

        var opened = access.Open(actor, ann, ShareAccess.Read, "read", "plan");
        Assert.NotNull(opened);
        Assert.Equal(ann, opened.Database.Runner);
        Assert.Null(access.Open(actor, ann, ShareAccess.Review, "record", "visit"));
        Assert.Null(access.Open(actor, new RunnerId(other.RunnerId!.Value), ShareAccess.Read, "read", "plan"));
        Assert.Null(access.Open(actor with { Role = AccountRole.Athlete }, ann, ShareAccess.Read, "read", "plan"));
        Assert.Equal([(ann, "ann@example.org")], access.Roster(physio.Id).Select(r => (r.Runner, r.Email)));

        var audit = new AuditStore(database.ForRunner(ann)).List();
        Assert.Equal([("physio@example.org", AccountRole.Clinician, "read", "plan")], audit.Select(e => (e.ActorEmail, e.ActorRole, e.Action, e.Resource)));
        Assert.Equal(Now, audit[0].At);
        Assert.Empty(new AuditStore(database.ForRunner(new RunnerId(other.RunnerId.Value))).List());

        Assert.True(shares.Revoke(share.Id));
        Assert.Null(access.Open(actor, ann, ShareAccess.Read, "read", "plan"));
        Assert.Empty(access.Roster(physio.Id));
        Assert.False(shares.Revoke(share.Id));
    }

    [Fact]
    public void An_uploaded_original_comes_back_byte_identical_is_kept_once_per_content_and_only_for_its_runner()
    {
        var database = OpenDatabase();
        var mine = new OriginalStore(database.ForRunner(RunnerId.Local));
        var theirs = new OriginalStore(database.ForRunner(database.AddRunner()));
        var bytes = RandomNumberGenerator.GetBytes((2 * OriginalStore.ChunkBytes) + 12_345);
        var empty = Array.Empty<byte>();

        var stored = mine.Keep("export/activities/1.fit", new MemoryStream(bytes));
        var again = mine.Keep("renamed.fit", new MemoryStream(bytes));
        var nothing = mine.Keep("empty.gpx", new MemoryStream(empty));

        Assert.Equal(stored, again);
        Assert.Equal(bytes.Length, stored.Length);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stored.ContentSha256);
        Assert.Equal(["export/activities/1.fit", "empty.gpx"], mine.List().Select(o => o.Name));
        var copy = new MemoryStream();
        Assert.True(mine.CopyTo(stored.Id, copy));
        Assert.Equal(bytes, copy.ToArray());
        var emptyCopy = new MemoryStream();
        Assert.True(mine.CopyTo(nothing.Id, emptyCopy));
        Assert.Empty(emptyCopy.ToArray());
        Assert.Empty(theirs.List());
        Assert.False(theirs.CopyTo(stored.Id, new MemoryStream()));
    }

    [Fact]
    public void Erasing_an_athlete_leaves_no_row_holding_their_address_ids_or_data_only_a_deletion_record_for_their_clinician()
    {
        var database = OpenDatabase().WithoutRunner();
        var accounts = new AccountStore(database);
        var account = accounts.Create("Erase.Me@example.org", "hash", AccountRole.Athlete)!;
        var keeper = accounts.Create("keep@example.org", "hash", AccountRole.Athlete)!;
        var physio = accounts.Create("physio@example.org", "hash", AccountRole.Clinician)!;
        var runner = database.ForRunner(new RunnerId(account.RunnerId!.Value));
        const string Marker = "zq-erase-marker";

        new ActivityStore(runner).TryInsert(TestActivities.FullRun(Marker, TestActivities.MorningRun, seconds: 600), out _);
        new ProfileStore(runner).AddShoe(Marker + " shoe", new DateOnly(2025, 1, 1), 0);
        new ProfileStore(runner).SaveProfileJson($"{{\"note\":\"{Marker}\"}}");
        var journal = new JournalStore(runner);
        journal.AddAssessment(StoredAssessmentKind.Assessment, new DateOnly(2025, 3, 1), new DateOnly(2025, 2, 27), $"{{\"marker\":\"{Marker}\"}}");
        journal.AddPain(new DateOnly(2025, 3, 2), 4, false, true, Marker, clientId: Marker);
        journal.AddExercise(new DateOnly(2025, 3, 2), "heel-drops", 3, 15, null, 2, clientId: Marker + "-x");
        journal.AddTaskCheckOff(new DateOnly(2025, 3, 2), Marker);
        new OriginalStore(runner).Keep(Marker + ".gpx", new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"<gpx>{Marker}</gpx>")));
        new ShareStore(runner).Share(physio.Email, ShareAccess.Review);
        var actor = new AuditActor(physio.Id, physio.Email, physio.Role);
        var opened = new ClinicianAccess(database).Open(actor, runner.Runner!.Value, ShareAccess.Review, "record", "visit")!;
        new JournalStore(opened.Database).AddClinicianReview(new DateOnly(2025, 3, 3), true, Marker, actor);
        accounts.CreateSession(account.Id, TimeSpan.FromDays(1), TimeSpan.FromHours(1));
        accounts.CreateApiToken(account.Id, Marker);
        accounts.RecordSignInFailure("203.0.113.9", account.Email, null, TimeSpan.FromMinutes(15));
        new ProfileStore(database.ForRunner(new RunnerId(keeper.RunnerId!.Value))).AddShoe("Keeper's shoe", new DateOnly(2025, 1, 1), 0);

        using var connection = database.OpenConnection();
        var erased = new ErasedRunner([account.Email, Marker], account.RunnerId.Value, account.Id);
        var before = DatabaseScan.Traces(connection, erased);
        Assert.True(before.Count >= 15, string.Join('\n', before)); // the scan does see what it looks for

        Assert.True(accounts.DeleteAthlete(account.Id));

        Assert.Empty(DatabaseScan.Traces(connection, erased));
        Assert.Null(accounts.FindByEmail(account.Email));
        Assert.Single(new ClinicianAccess(database).DeletedRunners(physio.Id));
        Assert.Empty(new ClinicianAccess(database).Roster(physio.Id));
        Assert.Single(new ProfileStore(database.ForRunner(new RunnerId(keeper.RunnerId.Value))).ListShoes());
        Assert.False(accounts.DeleteAthlete(account.Id));
        Assert.False(accounts.DeleteAthlete(physio.Id));
    }
}
