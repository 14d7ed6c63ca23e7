using System.CommandLine;
using System.Globalization;
using CalfCoach.Cli.Rendering;
using CalfCoach.Formats.Audio;
using Spectre.Console;
using Words = CalfCoach.Cli.Resources.MetronomeText;

namespace CalfCoach.Cli.Commands;

/// <summary>
/// <c>calfcoach metronome --spm N [--minutes M] [--accent EVERY] -o FILE.opus</c>: a click track for cadence retraining, as Ogg
/// Opus (about 1 MB for 30 minutes), or as WAV when the file name ends in .wav (14.4 MB for 30 minutes).
/// </summary>
public static class MetronomeCommand
{
    public const double DefaultMinutes = 20;

    public static Command Create(CliContext context)
    {
        var spm = new Option<double>("--spm") { Description = Words.SpmHelp, HelpName = "N", Required = true };
        var minutes = new Option<double>("--minutes") { Description = Words.MinutesHelp(DefaultMinutes), HelpName = "M", DefaultValueFactory = _ => DefaultMinutes };
        var accent = new Option<int>("--accent") { Description = Words.AccentHelp, HelpName = "EVERY" };
        var output = new Option<string>("--out", "-o") { Description = Words.OutHelp, HelpName = "FILE.opus", Required = true };
        var command = new Command("metronome", Words.CommandHelp) { spm, minutes, accent, output };
        command.SetAction(parse =>
        {
            var spec = new ClickTrackSpec(parse.GetValue(spm), parse.GetValue(minutes), parse.GetValue(accent));
            try
            {
                spec.Validate();
            }
            catch (ArgumentOutOfRangeException ex)
            {
                throw new UserInputException($"metronome: {ex.Message.Split(Environment.NewLine)[0]}");
            }

            var file = parse.GetValue(output)!;
            var wav = file.EndsWith(".wav", StringComparison.OrdinalIgnoreCase);
            OutputFile.WriteAtomically(file, stream =>
            {
                if (wav)
                {
                    ClickTrack.Write(stream, spec);
                }
                else
                {
                    OpusClickTrack.Write(stream, spec);
                }
            });

            var interval = (60 / spec.StepsPerMinute).ToString("0.000", CultureInfo.InvariantCulture);
            var size = (new FileInfo(file).Length / 1e6).ToString("0.0", CultureInfo.InvariantCulture);
            var kind = wav ? Words.Wav : Words.Opus;
            context.Out.MarkupLine(Styled.Markup(Words.Wrote(Styled.Bold(file), kind, size, spec.StepsPerMinute, interval, spec.Minutes)));
            return ExitCodes.Ok;
        });
        return command;
    }
}
