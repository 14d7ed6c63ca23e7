using CalfCoach.Core.Activities;

namespace CalfCoach.Formats.Xml;

/// <summary>
/// Maps the free-text activity type of a GPX <c>&lt;type&gt;</c> or a TCX <c>Sport</c> attribute to
/// <see cref="Sport"/> and <see cref="SubSport"/>. Anything not listed is <see cref="Sport.Other"/>: a file that does not
/// say it is a run never counts as running load.
/// </summary>
/// <remarks>
/// Matching ignores case and treats spaces and hyphens as underscores. The names are those seen in exports:
/// Garmin Connect (<c>running</c>, <c>trail_running</c>, <c>cycling</c>, …, the FIT sport names), Strava
/// (<c>running</c>, <c>Run</c>, <c>VirtualRun</c>, or a number; the "Activity Type" column of its bulk export:
/// <c>Run</c>, <c>Trail Run</c>, <c>Virtual Run</c>, <c>Ride</c>, …), Apple Watch (<c>running</c>), NikePlus (<c>run</c>),
/// TCX (<c>Running</c>, <c>Biking</c>, <c>Other</c>). Strava's numeric GPX types are its old activity-type ids:
/// 1 ride, 4 hike, 9 run, 10 walk; other numbers are left as Other rather than guessed.
/// </remarks>
public static class ActivityTypeNames
{
    public static (Sport Sport, SubSport SubSport) Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (Sport.Other, SubSport.Generic);
        }

        var key = text.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
        return key switch
        {
            "running" or "run" or "9" or "jogging" => (Sport.Running, SubSport.Generic),
            "street_running" or "road_running" => (Sport.Running, SubSport.Road),
            "trail_running" or "trail_run" or "trailrun" => (Sport.Running, SubSport.Trail),
            "treadmill_running" or "treadmill" or "indoor_running" => (Sport.Running, SubSport.Treadmill),
            "track_running" => (Sport.Running, SubSport.Track),
            "virtual_run" or "virtualrun" or "virtual_running" => (Sport.Running, SubSport.Virtual),
            "walking" or "walk" or "10" or "casual_walking" or "speed_walking" => (Sport.Walking, SubSport.Generic),
            "hiking" or "hike" or "4" => (Sport.Hiking, SubSport.Generic),
            "cycling" or "biking" or "bike" or "ride" or "1" or "road_biking" or "mountain_biking" or "gravel_cycling"
                or "indoor_cycling" or "virtual_ride" or "virtualride" or "ebikeride" or "e_bike_ride"
                or "mountain_bike_ride" or "gravel_ride" => (Sport.Cycling, SubSport.Generic),
            "swimming" or "swim" or "lap_swimming" or "open_water_swimming" => (Sport.Swimming, SubSport.Generic),
            _ => (Sport.Other, SubSport.Generic),
        };
    }

}
