using System.Security.Cryptography;

namespace LogisticsLink.Server.Auth;

/// <summary>
/// In Development with no keys configured, a demo tenant gets a key kept beside the database, so the key a newcomer
/// copied keeps working across restarts.
/// </summary>
public static class DemoTenant
{
    public const string Tenant = "demo";

    public static string LoadOrCreateKey(string dataFolder)
    {
        var path = Path.Combine(dataFolder, "demo-api-key");
        if (File.Exists(path))
        {
            var existing = File.ReadAllText(path).Trim();
            if (existing.Length >= 16)
            {
                return existing;
            }
        }
        Directory.CreateDirectory(dataFolder);
        var key = "lldemo_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        File.WriteAllText(path, key);
        return key;
    }
}
