using LogisticsLink.Carriers.Usps;
using LogisticsLink.Carriers.Time;

namespace LogisticsLink.Carriers.Tests.Usps;

public sealed class UspsTimestampsTests
{
    private static readonly TimeSpan Eastern = TimeSpan.FromHours(-5);

    [Theory]
    [InlineData("-05:00", -300)]
    [InlineData("-7:00", -420)]
    [InlineData("+0100", 60)]
    [InlineData("-420", -420)]
    [InlineData("-5", -300)]
    [InlineData("+05:30", 330)]
    [InlineData("0", 0)]
    public void Offsets_in_every_form_USPS_has_used(string text, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), UspsTimestamps.ParseOffset(text));

    [Theory]
    [InlineData("")]
    [InlineData("EST")]
    [InlineData("-15:00")]
    [InlineData("+12:75")]
    public void Not_offsets(string text) => Assert.Null(UspsTimestamps.ParseOffset(text));

    [Fact]
    public void GMTTimestamp_is_the_instant_shown_at_GMTOffset()
    {
        var at = Resolve("2024-11-22T13:58:00", "2024-11-22T18:58:40Z", "-05:00");

        Assert.Equal(new DateTimeOffset(2024, 11, 22, 18, 58, 40, TimeSpan.Zero), at);
        Assert.Equal(Eastern, at.Offset);
    }

    [Fact]
    public void Without_GMTOffset_the_local_time_implies_it()
    {
        var at = Resolve("2024-11-22T13:58:00", "2024-11-22T18:58:40Z", "");

        Assert.Equal(new DateTimeOffset(2024, 11, 22, 18, 58, 40, TimeSpan.Zero), at);
        Assert.Equal(Eastern, at.Offset);
    }

    [Fact]
    public void The_Z_on_the_local_time_is_not_believed()
    {
        var at = Resolve("2023-08-02T07:31:00Z", "", "-04:00");

        Assert.Equal(new DateTimeOffset(2023, 8, 2, 7, 31, 0, TimeSpan.FromHours(-4)), at);
    }

    [Fact]
    public void A_real_offset_on_the_local_time_is_believed()
    {
        var at = Resolve("2023-08-02T07:31:00-04:00", "", "");

        Assert.Equal(new DateTimeOffset(2023, 8, 2, 7, 31, 0, TimeSpan.FromHours(-4)), at);
    }

    [Fact]
    public void A_wall_time_alone_borrows_the_nearest_events_offset()
    {
        var dates = new[]
        {
            UspsTimestamps.Read("2024-11-22T13:58:00", "", ""),
            UspsTimestamps.Read("2024-11-22T09:10:00", "2024-11-22T14:10:45Z", "-05:00"),
        };

        var resolved = CarrierTimes.Resolve(dates);

        Assert.Equal(new DateTimeOffset(2024, 11, 22, 13, 58, 0, Eastern), resolved[0]);
    }

    [Fact]
    public void A_wall_time_with_nothing_to_borrow_is_read_as_UTC() =>
        Assert.Equal(new DateTimeOffset(2023, 8, 2, 7, 31, 0, TimeSpan.Zero), Resolve("2023-08-02T07:31:00Z", "", ""));

    [Fact]
    public void A_bare_time_is_not_a_date_unless_eventDate_completes_it()
    {
        Assert.Null(UspsTimestamps.Read("07:31:00", "", "-04:00"));
        var at = UspsTimestamps.Read("7:31 am", "", "-04:00", eventDate: "August 2, 2023");
        Assert.Equal(new DateTimeOffset(2023, 8, 2, 7, 31, 0, TimeSpan.FromHours(-4)), at?.With(TimeSpan.Zero));
    }

    [Fact]
    public void The_intake_date_form_is_a_local_date_time() =>
        Assert.Equal(new DateTime(2024, 11, 15, 11, 9, 19), UspsTimestamps.ParseLocal("2024-11-15 11:09:19.000000")?.WallTime);

    [Theory]
    [InlineData("09:00", 9, 0)]
    [InlineData("9:00 AM", 9, 0)]
    [InlineData("2:30 pm", 14, 30)]
    [InlineData("1400", 14, 0)]
    [InlineData("21:00:00", 21, 0)]
    public void Window_times(string text, int hour, int minute) =>
        Assert.Equal(new TimeOnly(hour, minute), UspsTimestamps.ParseTime(text));

    private static DateTimeOffset Resolve(string local, string gmt, string offset) =>
        CarrierTimes.Resolve([UspsTimestamps.Read(local, gmt, offset)])[0]!.Value;
}
