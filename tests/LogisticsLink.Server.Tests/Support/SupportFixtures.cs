using System.Data.Common;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.V1;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace LogisticsLink.Server.Tests.Support;

/// <summary>Orders and HTTP/JSON calls shared by the support desk's tests.</summary>
internal static class SupportFixtures
{
    public static UpsertOrderRequest Order(
        string orderId, FulfillmentChannel fulfillment, DateTimeOffset promisedBy, string language = "fr-FR", params string[] numbers)
    {
        var now = DateTimeOffset.UtcNow;
        var request = new UpsertOrderRequest
        {
            Order = new Order
            {
                Channel = "amazon", OrderId = orderId, FulfillmentChannel = fulfillment, Status = "Shipped",
                MarketplaceId = "A13V1IB3VIYZZH", BuyerLanguage = language,
                PurchasedAt = Timestamp.FromDateTimeOffset(now.AddDays(-3)),
                LatestShipDate = Timestamp.FromDateTimeOffset(promisedBy < now.AddDays(2) ? promisedBy.AddDays(-1) : now.AddDays(1)),
                LatestDeliveryDate = Timestamp.FromDateTimeOffset(promisedBy),
            },
        };
        request.Shipments.Add(numbers.Select(n => new OrderShipment { TrackingNumber = n }));
        return request;
    }

    public static string AmazonId() =>
        $"{Random.Shared.Next(100, 999)}-{Random.Shared.Next(1_000_000, 9_999_999)}-{Random.Shared.Next(1_000_000, 9_999_999)}";

    public static HttpClient Http(TestServer server, string? key = TestServer.KeyA)
    {
        var http = new HttpClient { BaseAddress = server.WebAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (key is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        return http;
    }

    public static async Task<(int Status, JsonElement Body)> PostJsonAsync(HttpClient http, string path, object body)
    {
        using var content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(path, content);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonDocument.Parse(text.Length == 0 ? "{}" : text).RootElement.Clone());
    }

    public static async Task<(int Status, JsonElement Body)> GetJsonAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonDocument.Parse(text.Length == 0 ? "{}" : text).RootElement.Clone());
    }

    /// <summary>Runs SQL on the server's own store (SQLite or PostgreSQL), for what the API would refuse to write.</summary>
    public static async Task ExecuteAsync(TestServer server, string sql)
    {
        var marker = Path.Combine(server.DataFolder, "postgres-connection");
        await using DbConnection connection = File.Exists(marker)
            ? new NpgsqlConnection(await File.ReadAllTextAsync(marker))
            : new SqliteConnection($"Data Source={Path.Combine(server.DataFolder, "logisticslink.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.True(await command.ExecuteNonQueryAsync() > 0);
    }
}
