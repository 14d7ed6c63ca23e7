using System.Globalization;
using CalfCoach.Formats.Audio;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CalfCoach.Web.Apis;

/// <summary>
/// The cadence metronome: the same click track as <c>calfcoach metronome</c>. Ogg Opus by default (30 minutes about 1 MB),
/// encoded whole before it is sent so the player knows its length and can seek; <c>format=wav</c> streams the 8 kHz WAV.
/// </summary>
public static class MetronomeApi
{
    public static IEndpointRouteBuilder MapMetronomeApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/metronome", Track)
            .WithTags("Metronome")
            .WithName("Metronome")
            .WithSummary("A click track: one click per step at `spm` steps per minute for `minutes` (default 20), every `accent`-th click accented.")
            .WithDescription("`format=opus` (default): Ogg Opus, 16 kHz mono at about 16 kbit/s, encoded by Concentus (30 minutes about 1.1 MB). "
                + "`format=wav`: 8-bit, 8 kHz mono PCM WAV, 8,000 bytes a second (30 minutes 14.4 MB). `download=true` asks the browser to save it rather than play it.")
            .Produces<Stream>(StatusCodes.Status200OK, OpusClickTrack.MediaType, "audio/wav")
            .ProducesProblems(StatusCodes.Status400BadRequest)
            .ProducesServerProblem();
        return app;
    }

    public static async Task<Results<FileContentHttpResult, PushStreamHttpResult, ProblemHttpResult>> Track(
        HttpContext context, string? spm, string? minutes, string? accent, string? format, bool? download)
    {
        var wav = format is "wav";
        if (format is not (null or "" or "opus" or "wav"))
        {
            return Problems.Invalid(nameof(format), "\"format\" must be \"opus\" or \"wav\".");
        }

        if (!TryNumber(spm, nameof(spm), null, out var stepsPerMinute, out var problem)
            || !TryNumber(minutes, nameof(minutes), 20, out var length, out problem)
            || !TryNumber(accent, nameof(accent), 0, out var every, out problem))
        {
            return problem!;
        }

        if (every != Math.Floor(every) || every < 0 || every > 64)
        {
            return Problems.Invalid(nameof(accent), "\"accent\" must be a whole number from 0 (none) to 64.");
        }

        var spec = new ClickTrackSpec(stepsPerMinute, length, (int)every);
        try
        {
            spec.Validate();
        }
        catch (ArgumentOutOfRangeException ex)
        {
            return Problems.Invalid(ex.ParamName == nameof(ClickTrackSpec.Minutes) ? nameof(minutes) : nameof(spm), ex.Message.Split(" (Parameter", 2)[0]);
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"metronome-{stepsPerMinute:0.#}spm-{length:0.#}min{(wav ? ".wav" : OpusClickTrack.FileExtension)}");
        if (!wav)
        {
            // Encoded whole (about 37 kB a minute), so the response has a length and answers range requests: a player then
            // shows the duration and can seek, which a stream of unknown length does not allow in an Ogg file.
            var bytes = await Task.Run(() =>
            {
                using var buffer = new MemoryStream();
                OpusClickTrack.Write(buffer, spec);
                return buffer.ToArray();
            }, context.RequestAborted);
            return TypedResults.Bytes(bytes, OpusClickTrack.MediaType, download == true ? name : null, enableRangeProcessing: true);
        }

        return TypedResults.Stream(
            async stream =>
            {
                // ClickTrack writes synchronously (bounded memory, any length): allowed for this response, on a pool thread.
                context.Features.GetRequiredFeature<IHttpBodyControlFeature>().AllowSynchronousIO = true;
                context.Response.ContentLength = ClickTrack.FileBytes(spec);
                await Task.Run(() =>
                {
                    using var buffered = new BufferedStream(stream, 1 << 16);
                    ClickTrack.Write(buffered, spec);
                });
            },
            "audio/wav",
            download == true ? name : null);
    }

    private static bool TryNumber(string? text, string name, double? fallback, out double value, out ProblemHttpResult? problem)
    {
        problem = null;
        if (string.IsNullOrEmpty(text) && fallback is { } given)
        {
            value = given;
            return true;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value))
        {
            return true;
        }

        problem = Problems.Invalid(name, string.IsNullOrEmpty(text) ? $"\"{name}\" is required." : $"\"{name}\" must be a number, not \"{text}\".");
        return false;
    }
}
