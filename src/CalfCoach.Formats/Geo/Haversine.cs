namespace CalfCoach.Formats.Geo;

/// <summary>Great-circle distance on a sphere of the WGS84 mean radius.</summary>
/// <remarks>
/// The sphere is off the ellipsoid by at most about 0.5 % (more north–south near the poles, less east–west at the
/// equator); for consecutive GPS fixes a few metres apart that is far below the GPS noise, and it is what most running
/// apps use, so our totals stay comparable with theirs.
/// </remarks>
public static class Haversine
{
    /// <summary>Mean radius R1 = (2a + b) / 3 of the WGS84 ellipsoid (IUGG), in metres.</summary>
    public const double MeanEarthRadiusMeters = 6_371_008.8;

    private const double RadiansPerDegree = Math.PI / 180.0;

    /// <summary>Distance in metres between two WGS84 positions given in degrees; NaN when any coordinate is NaN.</summary>
    public static double DistanceMeters(double latitude1Degrees, double longitude1Degrees, double latitude2Degrees, double longitude2Degrees)
    {
        var phi1 = latitude1Degrees * RadiansPerDegree;
        var phi2 = latitude2Degrees * RadiansPerDegree;
        var sinHalfDeltaPhi = Math.Sin((phi2 - phi1) / 2);
        var sinHalfDeltaLambda = Math.Sin((longitude2Degrees - longitude1Degrees) * RadiansPerDegree / 2);
        var h = (sinHalfDeltaPhi * sinHalfDeltaPhi) + (Math.Cos(phi1) * Math.Cos(phi2) * sinHalfDeltaLambda * sinHalfDeltaLambda);

        // asin of sqrt(h) is exact for small distances, where acos-based formulas lose all precision; clamp guards
        // against h creeping a hair above 1 for antipodal points.
        return 2 * MeanEarthRadiusMeters * Math.Asin(Math.Sqrt(Math.Min(1.0, h)));
    }
}
