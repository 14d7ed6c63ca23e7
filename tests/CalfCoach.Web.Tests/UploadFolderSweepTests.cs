using CalfCoach.Web.Services;
using Microsoft.Extensions.Time.Testing;

namespace CalfCoach.Web.Tests;

/// <summary>
/// Upload folders a crashed server left behind are removed when a server starts: only those older than an hour whose
/// owning process is gone. A live server's upload, a fresh folder and anything not named like an upload stay.
/// </summary>
public sealed class UploadFolderSweepTests : IDisposable
{
    /// <summary>No process has this id (Linux allows at most 4,194,304), so its folders' owner is gone.</summary>
    private const int GonePid = int.MaxValue;

    private readonly DirectoryInfo _temporary = Directory.CreateTempSubdirectory("calfcoach-sweep-");

    public void Dispose() => _temporary.Delete(recursive: true);

    private string Folder(int pid, string file = "run.fit")
    {
        var folder = Path.Combine(_temporary.FullName, $"{UploadImporter.FolderPrefix}{pid}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, file), "half an upload");
        Directory.SetLastWriteTimeUtc(folder, DateTime.UtcNow);
        return folder;
    }

    private static FakeTimeProvider Later(TimeSpan by) => new(DateTimeOffset.UtcNow + by);

    [Fact]
    public void A_folder_older_than_an_hour_whose_owner_is_gone_is_deleted()
    {
        var stale = Folder(GonePid);

        var swept = UploadImporter.SweepStale(_temporary.FullName, Later(TimeSpan.FromHours(2)));

        Assert.Equal([stale], swept);
        Assert.False(Directory.Exists(stale));
    }

    [Fact]
    public void A_folder_of_a_server_still_running_is_kept_however_old()
    {
        var live = Folder(Environment.ProcessId);

        var swept = UploadImporter.SweepStale(_temporary.FullName, Later(TimeSpan.FromHours(5)));

        Assert.Empty(swept);
        Assert.True(Directory.Exists(live));
    }

    [Fact]
    public void A_folder_younger_than_an_hour_is_kept_even_when_its_owner_is_gone()
    {
        var fresh = Folder(GonePid);

        var swept = UploadImporter.SweepStale(_temporary.FullName, Later(TimeSpan.FromMinutes(50)));

        Assert.Empty(swept);
        Assert.True(Directory.Exists(fresh));
    }

    [Fact]
    public void A_folder_not_named_like_an_upload_is_never_touched()
    {
        var other = Path.Combine(_temporary.FullName, UploadImporter.FolderPrefix + "not-a-pid");
        Directory.CreateDirectory(other);
        var unrelated = Directory.CreateDirectory(Path.Combine(_temporary.FullName, "someone-elses-files")).FullName;

        var swept = UploadImporter.SweepStale(_temporary.FullName, Later(TimeSpan.FromDays(30)));

        Assert.Empty(swept);
        Assert.True(Directory.Exists(other));
        Assert.True(Directory.Exists(unrelated));
    }

    [Fact]
    public void A_folder_whose_process_id_was_reused_by_a_newer_process_is_deleted()
    {
        // This test process started after the folder's time: it cannot be the server that made it.
        var reused = Folder(Environment.ProcessId);
        Directory.SetLastWriteTimeUtc(reused, DateTime.UtcNow.AddDays(-3));

        var swept = UploadImporter.SweepStale(_temporary.FullName, Later(TimeSpan.Zero));

        Assert.Equal([reused], swept);
    }
}
