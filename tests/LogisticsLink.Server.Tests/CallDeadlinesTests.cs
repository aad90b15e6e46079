using LogisticsLink.Server.Api;

namespace LogisticsLink.Server.Tests;

public sealed class CallDeadlinesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    private static TimeSpan Within(TimeSpan wait, TimeSpan left) => CallDeadlines.Within(wait, Now.UtcDateTime + left, Now);

    [Fact]
    public void A_call_without_a_deadline_waits_the_whole_wait() =>
        Assert.Equal(TimeSpan.FromSeconds(30), CallDeadlines.Within(TimeSpan.FromSeconds(30), DateTime.MaxValue, Now));

    [Fact]
    public void A_deadline_further_than_the_wait_and_its_room_leaves_the_wait_as_it_is() =>
        Assert.Equal(TimeSpan.FromSeconds(5), Within(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)));

    [Fact]
    public void A_short_deadline_keeps_a_fifth_of_the_time_left_to_answer() =>
        Assert.Equal(TimeSpan.FromMilliseconds(1600), Within(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(2)));

    [Fact]
    public void A_very_short_deadline_keeps_at_least_150_ms() =>
        Assert.Equal(TimeSpan.FromMilliseconds(350), Within(TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(500)));

    [Fact]
    public void A_long_deadline_keeps_no_more_than_a_second() =>
        Assert.Equal(TimeSpan.FromSeconds(59), Within(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60)));

    [Fact]
    public void A_deadline_closer_than_the_room_waits_not_at_all()
    {
        Assert.Equal(TimeSpan.Zero, Within(TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100)));
        Assert.Equal(TimeSpan.Zero, Within(TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(-100)));
    }
}
