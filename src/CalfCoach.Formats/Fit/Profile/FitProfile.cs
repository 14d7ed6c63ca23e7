namespace CalfCoach.Formats.Fit.Profile;

/// <summary>
/// The subset of the FIT global profile CalfCoach reads: global message numbers and field facts.
/// </summary>
/// <remarks>
/// Source: Garmin FIT SDK global profile, as exported in python-fitparse <c>fitparse/profile.py</c>
/// (github.com/dtcooper/python-fitparse, generated from FIT SDK 20.8) and cross-checked against Garmin's own
/// <c>src/profile.js</c> in github.com/garmin/fit-javascript-sdk (profile 21.202). Only facts are taken: numbers,
/// base types, scales, offsets and units.
/// </remarks>
public static class FitProfile
{
    /// <summary>Global message numbers (profile type <c>mesg_num</c>).</summary>
    public static class MessageNumber
    {
        public const ushort FileId = 0;
        public const ushort UserProfile = 3;
        public const ushort Sport = 12;
        public const ushort Session = 18;
        public const ushort Lap = 19;
        public const ushort Record = 20;
        public const ushort Event = 21;
        public const ushort DeviceInfo = 23;
        public const ushort Activity = 34;
        public const ushort Hr = 132;
        public const ushort FieldDescription = 206;
        public const ushort DeveloperDataId = 207;
    }

    /// <summary>Fields every message may carry.</summary>
    public static class Common
    {
        public static readonly FitFieldInfo Timestamp = new(253, "timestamp", FitBaseType.UInt32, "s");
        public static readonly FitFieldInfo MessageIndex = new(254, "message_index", FitBaseType.UInt16);
    }

    /// <summary>file_id (0).</summary>
    public static class FileId
    {
        public static readonly FitFieldInfo Type = new(0, "type", FitBaseType.Enum);
        public static readonly FitFieldInfo Manufacturer = new(1, "manufacturer", FitBaseType.UInt16);
        public static readonly FitFieldInfo Product = new(2, "product", FitBaseType.UInt16);
        public static readonly FitFieldInfo SerialNumber = new(3, "serial_number", FitBaseType.UInt32z);
        public static readonly FitFieldInfo TimeCreated = new(4, "time_created", FitBaseType.UInt32);
        public static readonly FitFieldInfo Number = new(5, "number", FitBaseType.UInt16);
        public static readonly FitFieldInfo ProductName = new(8, "product_name", FitBaseType.String);
    }

    /// <summary>user_profile (3).</summary>
    public static class UserProfile
    {
        public static readonly FitFieldInfo FriendlyName = new(0, "friendly_name", FitBaseType.String);
        public static readonly FitFieldInfo Gender = new(1, "gender", FitBaseType.Enum);
        public static readonly FitFieldInfo Age = new(2, "age", FitBaseType.UInt8, "years");
        public static readonly FitFieldInfo Height = new(3, "height", FitBaseType.UInt8, 100, 0, "m");
        public static readonly FitFieldInfo Weight = new(4, "weight", FitBaseType.UInt16, 10, 0, "kg");
        public static readonly FitFieldInfo RestingHeartRate = new(8, "resting_heart_rate", FitBaseType.UInt8, "bpm");
        public static readonly FitFieldInfo DefaultMaxRunningHeartRate = new(9, "default_max_running_heart_rate", FitBaseType.UInt8, "bpm");
        public static readonly FitFieldInfo DefaultMaxHeartRate = new(11, "default_max_heart_rate", FitBaseType.UInt8, "bpm");
        public static readonly FitFieldInfo UserRunningStepLength = new(31, "user_running_step_length", FitBaseType.UInt16, 1000, 0, "m");
    }

    /// <summary>sport (12).</summary>
    public static class Sport
    {
        public static readonly FitFieldInfo SportType = new(0, "sport", FitBaseType.Enum);
        public static readonly FitFieldInfo SubSport = new(1, "sub_sport", FitBaseType.Enum);
        public static readonly FitFieldInfo Name = new(3, "name", FitBaseType.String);
    }

    /// <summary>session (18).</summary>
    public static class Session
    {
        public static readonly FitFieldInfo StartTime = new(2, "start_time", FitBaseType.UInt32);
        public static readonly FitFieldInfo StartPositionLat = new(3, "start_position_lat", FitBaseType.SInt32, "semicircles");
        public static readonly FitFieldInfo StartPositionLong = new(4, "start_position_long", FitBaseType.SInt32, "semicircles");
        public static readonly FitFieldInfo Sport = new(5, "sport", FitBaseType.Enum);
        public static readonly FitFieldInfo SubSport = new(6, "sub_sport", FitBaseType.Enum);
        public static readonly FitFieldInfo TotalElapsedTime = new(7, "total_elapsed_time", FitBaseType.UInt32, 1000, 0, "s");
        public static readonly FitFieldInfo TotalTimerTime = new(8, "total_timer_time", FitBaseType.UInt32, 1000, 0, "s");
        public static readonly FitFieldInfo TotalDistance = new(9, "total_distance", FitBaseType.UInt32, 100, 0, "m");
        public static readonly FitFieldInfo TotalCycles = new(10, "total_cycles", FitBaseType.UInt32, "cycles");
        public static readonly FitFieldInfo TotalCalories = new(11, "total_calories", FitBaseType.UInt16, "kcal");
        public static readonly FitFieldInfo AvgSpeed = new(14, "avg_speed", FitBaseType.UInt16, 1000, 0, "m/s");
        public static readonly FitFieldInfo MaxSpeed = new(15, "max_speed", FitBaseType.UInt16, 1000, 0, "m/s");
        public static readonly FitFieldInfo AvgHeartRate = new(16, "avg_heart_rate", FitBaseType.UInt8, "bpm");
        public static readonly FitFieldInfo MaxHeartRate = new(17, "max_heart_rate", FitBaseType.UInt8, "bpm");
        public static readonly FitFieldInfo AvgCadence = new(18, "avg_cadence", FitBaseType.UInt8, "rpm");
        public static readonly FitFieldInfo MaxCadence = new(19, "max_cadence", FitBaseType.UInt8, "rpm");
        public static readonly FitFieldInfo AvgPower = new(20, "avg_power", FitBaseType.UInt16, "watts");
        public static readonly FitFieldInfo MaxPower = new(21, "max_power", FitBaseType.UInt16, "watts");
        public static readonly FitFieldInfo TotalAscent = new(22, "total_ascent", FitBaseType.UInt16, "m");
        public static readonly FitFieldInfo TotalDescent = new(23, "total_descent", FitBaseType.UInt16, "m");
        public static readonly FitFieldInfo NumLaps = new(26, "num_laps", FitBaseType.UInt16);
        public static readonly FitFieldInfo AvgVerticalOscillation = new(89, "avg_vertical_oscillation", FitBaseType.UInt16, 10, 0, "mm");
        public static readonly FitFieldInfo AvgStanceTime = new(91, "avg_stance_time", FitBaseType.UInt16, 10, 0, "ms");
        public static readonly FitFieldInfo AvgFractionalCadence = new(92, "avg_fractional_cadence", FitBaseType.UInt8, 128, 0, "rpm");
        public static readonly FitFieldInfo MaxFractionalCadence = new(93, "max_fractional_cadence", FitBaseType.UInt8, 128, 0, "rpm");
        public static readonly FitFieldInfo EnhancedAvgSpeed = new(124, "enhanced_avg_speed", FitBaseType.UInt32, 1000, 0, "m/s");
        public static readonly FitFieldInfo EnhancedMaxSpeed = new(125, "enhanced_max_speed", FitBaseType.UInt32, 1000, 0, "m/s");
        public static readonly FitFieldInfo AvgStepLength = new(134, "avg_step_length", FitBaseType.UInt16, 10, 0, "mm");
    }

    /// <summary>lap (19).</summary>
    public static class Lap
    {
        public static readonly FitFieldInfo StartTime = new(2, "start_time", FitBaseType.UInt32);
        public static readonly FitFieldInfo TotalElapsedTime = new(7, "total_elapsed_time", FitBaseType.UInt32, 1000, 0, "s");
        public static readonly FitFieldInfo TotalTimerTime = new(8, "total_timer_time", FitBaseType.UInt32, 1000, 0, "s");
        public static readonly FitFieldInfo TotalDistance = new(9, "total_distance", FitBaseType.UInt32, 100, 0, "m");
        public static readonly FitFieldInfo AvgSpeed = new(13, "avg_speed", FitBaseType.UInt16, 1000, 0, "m/s");
        public static readonly FitFieldInfo AvgHeartRate = new(15, "avg_heart_rate", FitBaseType.UInt8, "bpm");
        public static readonly FitFieldInfo MaxHeartRate = new(16, "max_heart_rate", FitBaseType.UInt8, "bpm");
        public static readonly FitFieldInfo AvgCadence = new(17, "avg_cadence", FitBaseType.UInt8, "rpm");
        public static readonly FitFieldInfo AvgPower = new(19, "avg_power", FitBaseType.UInt16, "watts");
        public static readonly FitFieldInfo TotalAscent = new(21, "total_ascent", FitBaseType.UInt16, "m");
        public static readonly FitFieldInfo TotalDescent = new(22, "total_descent", FitBaseType.UInt16, "m");
        public static readonly FitFieldInfo Sport = new(25, "sport", FitBaseType.Enum);
        public static readonly FitFieldInfo SubSport = new(39, "sub_sport", FitBaseType.Enum);
        public static readonly FitFieldInfo AvgFractionalCadence = new(80, "avg_fractional_cadence", FitBaseType.UInt8, 128, 0, "rpm");
        public static readonly FitFieldInfo EnhancedAvgSpeed = new(110, "enhanced_avg_speed", FitBaseType.UInt32, 1000, 0, "m/s");
    }

    /// <summary>record (20): one sample of the activity's time series.</summary>
    public static class Record
    {
        public static readonly FitFieldInfo PositionLat = new(0, "position_lat", FitBaseType.SInt32, "semicircles");
        public static readonly FitFieldInfo PositionLong = new(1, "position_long", FitBaseType.SInt32, "semicircles");
        public static readonly FitFieldInfo Altitude = new(2, "altitude", FitBaseType.UInt16, 5, 500, "m");
        public static readonly FitFieldInfo HeartRate = new(3, "heart_rate", FitBaseType.UInt8, "bpm");

        /// <summary>rpm for cycling; strides (one per left+right step pair) per minute for running and walking.</summary>
        public static readonly FitFieldInfo Cadence = new(4, "cadence", FitBaseType.UInt8, "rpm");
        public static readonly FitFieldInfo Distance = new(5, "distance", FitBaseType.UInt32, 100, 0, "m");
        public static readonly FitFieldInfo Speed = new(6, "speed", FitBaseType.UInt16, 1000, 0, "m/s");
        public static readonly FitFieldInfo Power = new(7, "power", FitBaseType.UInt16, "watts");

        /// <summary>
        /// Three bytes: speed in the low 12 bits (scale 100, m/s) and an accumulating distance in the high 12 bits
        /// (scale 16, m), both little-endian bit order.
        /// </summary>
        public static readonly FitFieldInfo CompressedSpeedDistance = new(8, "compressed_speed_distance", FitBaseType.Byte);
        public static readonly FitFieldInfo Grade = new(9, "grade", FitBaseType.SInt16, 100, 0, "%");
        public static readonly FitFieldInfo Temperature = new(13, "temperature", FitBaseType.SInt8, "C");
        public static readonly FitFieldInfo Cycles = new(18, "cycles", FitBaseType.UInt8, "cycles");
        public static readonly FitFieldInfo TotalCycles = new(19, "total_cycles", FitBaseType.UInt32, "cycles");
        public static readonly FitFieldInfo VerticalOscillation = new(39, "vertical_oscillation", FitBaseType.UInt16, 10, 0, "mm");
        public static readonly FitFieldInfo StanceTimePercent = new(40, "stance_time_percent", FitBaseType.UInt16, 100, 0, "percent");

        /// <summary>Ground contact time.</summary>
        public static readonly FitFieldInfo StanceTime = new(41, "stance_time", FitBaseType.UInt16, 10, 0, "ms");
        public static readonly FitFieldInfo FractionalCadence = new(53, "fractional_cadence", FitBaseType.UInt8, 128, 0, "rpm");
        public static readonly FitFieldInfo EnhancedSpeed = new(73, "enhanced_speed", FitBaseType.UInt32, 1000, 0, "m/s");
        public static readonly FitFieldInfo EnhancedAltitude = new(78, "enhanced_altitude", FitBaseType.UInt32, 5, 500, "m");
        public static readonly FitFieldInfo VerticalRatio = new(83, "vertical_ratio", FitBaseType.UInt16, 100, 0, "percent");
        public static readonly FitFieldInfo StanceTimeBalance = new(84, "stance_time_balance", FitBaseType.UInt16, 100, 0, "percent");
        public static readonly FitFieldInfo StepLength = new(85, "step_length", FitBaseType.UInt16, 10, 0, "mm");
    }

    /// <summary>event (21). Not named <c>Event</c>, a keyword in some .NET languages (CA1716).</summary>
    public static class EventMessage
    {
        public static readonly FitFieldInfo EventType = new(0, "event", FitBaseType.Enum);
        public static readonly FitFieldInfo EventKind = new(1, "event_type", FitBaseType.Enum);
        public static readonly FitFieldInfo Data = new(3, "data", FitBaseType.UInt32);
    }

    /// <summary>
    /// hr (132): heart rate an HRM-Pro or HRM-Tri stored while the watch was not listening (swimming), written at the
    /// end of the activity. Times are beat events in 1/1024 s of the strap's own counter, anchored to the file's clock
    /// by a message that has a timestamp; the others carry eight 12-bit deltas of that counter packed in 12 bytes.
    /// </summary>
    public static class Hr
    {
        public static readonly FitFieldInfo FractionalTimestamp = new(0, "fractional_timestamp", FitBaseType.UInt16, 32768, 0, "s");
        public static readonly FitFieldInfo Time256 = new(1, "time256", FitBaseType.UInt8, 256, 0, "s");
        public static readonly FitFieldInfo FilteredBpm = new(6, "filtered_bpm", FitBaseType.UInt8, "bpm");
        public static readonly FitFieldInfo EventTimestamp = new(9, "event_timestamp", FitBaseType.UInt32, 1024, 0, "s");
        public static readonly FitFieldInfo EventTimestamp12 = new(10, "event_timestamp_12", FitBaseType.Byte);
    }

    /// <summary>device_info (23).</summary>
    public static class DeviceInfo
    {
        public static readonly FitFieldInfo DeviceIndex = new(0, "device_index", FitBaseType.UInt8);
        public static readonly FitFieldInfo DeviceType = new(1, "device_type", FitBaseType.UInt8);
        public static readonly FitFieldInfo Manufacturer = new(2, "manufacturer", FitBaseType.UInt16);
        public static readonly FitFieldInfo SerialNumber = new(3, "serial_number", FitBaseType.UInt32z);
        public static readonly FitFieldInfo Product = new(4, "product", FitBaseType.UInt16);
        public static readonly FitFieldInfo SoftwareVersion = new(5, "software_version", FitBaseType.UInt16, 100, 0, "");
        public static readonly FitFieldInfo BatteryVoltage = new(10, "battery_voltage", FitBaseType.UInt16, 256, 0, "V");
        public static readonly FitFieldInfo ProductName = new(27, "product_name", FitBaseType.String);
    }

    /// <summary>activity (34).</summary>
    public static class Activity
    {
        public static readonly FitFieldInfo TotalTimerTime = new(0, "total_timer_time", FitBaseType.UInt32, 1000, 0, "s");
        public static readonly FitFieldInfo NumSessions = new(1, "num_sessions", FitBaseType.UInt16);

        /// <summary>Local wall-clock time as seconds since the FIT epoch; minus <c>timestamp</c> it gives the UTC offset.</summary>
        public static readonly FitFieldInfo LocalTimestamp = new(5, "local_timestamp", FitBaseType.UInt32);
    }

    /// <summary>field_description (206): describes one developer field (FIT protocol 2.0).</summary>
    public static class FieldDescription
    {
        public static readonly FitFieldInfo DeveloperDataIndex = new(0, "developer_data_index", FitBaseType.UInt8);
        public static readonly FitFieldInfo FieldDefinitionNumber = new(1, "field_definition_number", FitBaseType.UInt8);
        public static readonly FitFieldInfo FitBaseTypeId = new(2, "fit_base_type_id", FitBaseType.UInt8);
        public static readonly FitFieldInfo FieldName = new(3, "field_name", FitBaseType.String);
        public static readonly FitFieldInfo Scale = new(6, "scale", FitBaseType.UInt8);
        public static readonly FitFieldInfo Offset = new(7, "offset", FitBaseType.SInt8);
        public static readonly FitFieldInfo Units = new(8, "units", FitBaseType.String);
        public static readonly FitFieldInfo NativeMessageNumber = new(14, "native_mesg_num", FitBaseType.UInt16);
        public static readonly FitFieldInfo NativeFieldNumber = new(15, "native_field_num", FitBaseType.UInt8);
    }

    /// <summary>developer_data_id (207): identifies the application behind a developer data index.</summary>
    public static class DeveloperDataId
    {
        public static readonly FitFieldInfo DeveloperId = new(0, "developer_id", FitBaseType.Byte);
        public static readonly FitFieldInfo ApplicationId = new(1, "application_id", FitBaseType.Byte);
        public static readonly FitFieldInfo ManufacturerId = new(2, "manufacturer_id", FitBaseType.UInt16);
        public static readonly FitFieldInfo DeveloperDataIndex = new(3, "developer_data_index", FitBaseType.UInt8);
        public static readonly FitFieldInfo ApplicationVersion = new(4, "application_version", FitBaseType.UInt32);
    }

    /// <summary>
    /// Sports whose FIT cadence counts strides (one per left+right pair), so steps per minute is twice the value.
    /// Rowing, elliptical and similar fitness-equipment cadences are strokes or cycles and are not doubled.
    /// </summary>
    public static bool IsFootSport(FitSport sport) =>
        sport is FitSport.Running or FitSport.Walking or FitSport.Hiking or FitSport.Mountaineering or FitSport.Snowshoeing;

    /// <summary>Degrees per semicircle: 180 / 2^31 (FIT profile, units "semicircles").</summary>
    public const double DegreesPerSemicircle = 180.0 / 2147483648.0;
}
