using System.Text;
using CalfCoach.Cli.Resources;

namespace CalfCoach.Cli;

/// <summary>Files a command writes for the user (report, click track, calendar).</summary>
public static class OutputFile
{
    /// <summary>
    /// Writes to a temporary file beside <paramref name="path"/>, then moves it into place: an interrupted or
    /// failed write never leaves half a file where the user expects a whole one.
    /// </summary>
    /// <exception cref="UserInputException">The file cannot be written (folder missing, no permission, disk full).</exception>
    public static void WriteAtomically(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        var temporary = path + ".tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new UserInputException(CommonText.CannotWrite(path, ex.Message));
        }
    }

    /// <summary>Text as UTF-8 without a byte-order mark, written atomically.</summary>
    public static void WriteAtomically(string path, string text) =>
        WriteAtomically(path, stream =>
        {
            var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
            stream.Write(bytes);
        });

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The original error is the one worth reporting.
        }
    }
}
