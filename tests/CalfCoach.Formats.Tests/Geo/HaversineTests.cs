using CalfCoach.Formats.Geo;

namespace CalfCoach.Formats.Tests.Geo;

public sealed class HaversineTests
{
    [Fact]
    public void DistanceMeters_OneDegreeOfLatitude_IsTheMeanRadiusTimesPiOver180()
    {
        // 6 371 008.8 m × π / 180 = 111 195.080 m (computed by hand, independent of the implementation).
        Assert.Equal(111_195.080, Haversine.DistanceMeters(10, 20, 11, 20), 3);
    }

    [Fact]
    public void DistanceMeters_HalfwayRoundTheEquator_IsHalfTheCircumference()
    {
        Assert.Equal(Haversine.MeanEarthRadiusMeters * Math.PI, Haversine.DistanceMeters(0, 0, 0, 180), 6);
    }

    [Fact]
    public void DistanceMeters_TenThousandthOfADegreeNorth_KeepsMillimetrePrecision()
    {
        // Small steps are where acos-based formulas fail; 1e-4° × 111 195.080 m = 11.1195 m.
        Assert.Equal(11.11951, Haversine.DistanceMeters(51.5, -0.1, 51.5001, -0.1), 5);
    }

    [Fact]
    public void DistanceMeters_GpxpyReferencePair_IsWithinTheirBounds()
    {
        // gpxpy test.py test_distance asserts 3450 < d < 3500 for this pair (tkrajina/gpxpy@017d996).
        var distance = Haversine.DistanceMeters(48.56806, 21.43467, 48.599214, 21.430878);

        Assert.InRange(distance, 3450, 3500);
        Assert.Equal(3475.383, distance, 3);
    }

    [Fact]
    public void DistanceMeters_SamePoint_IsZero()
    {
        Assert.Equal(0.0, Haversine.DistanceMeters(46.1, 14.7, 46.1, 14.7));
    }

    [Fact]
    public void DistanceMeters_MissingCoordinate_IsNaN()
    {
        Assert.True(double.IsNaN(Haversine.DistanceMeters(double.NaN, 0, 1, 1)));
    }
}
