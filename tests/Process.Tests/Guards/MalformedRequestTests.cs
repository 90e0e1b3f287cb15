using System.Text;
using PolicingHub.Process.Tests.Support;

namespace PolicingHub.Process.Tests.Guards;

/// <summary>Requests Kestrel itself would refuse with an empty 400 still get a ProblemDetails answer from the real silo.</summary>
public sealed class MalformedRequestTests
{
    [Fact]
    public async Task Header_values_that_are_not_ascii_get_a_400_problem_naming_the_header()
    {
        var data = Directory.CreateTempSubdirectory("policinghub-malformed-").FullName;
        try
        {
            await using var silo = await SiloProcess.StartAsync(data);

            var invalidUtf8 = await RawHttp.SendAsync(silo.Address, RawHttp.Get("/api/agencies", [.. "Authorization: Bearer "u8, 0xFF, 0xFE]));
            var utf8 = await RawHttp.SendAsync(silo.Address, RawHttp.Get("/api/agencies", Encoding.UTF8.GetBytes("X-Desk: Séoul")));
            var control = await RawHttp.SendAsync(silo.Address, RawHttp.Get("/health", [.. "X-Desk: a"u8, 0x01, (byte)'b']));

            foreach (var (response, header) in new[] { (invalidUtf8, "Authorization"), (utf8, "X-Desk"), (control, "X-Desk") })
            {
                Assert.Equal(400, response.Status);
                Assert.Contains("Content-Type: application/problem+json", response.Headers, StringComparison.Ordinal);
                Assert.Contains($"The value of header '{header}' must be printable ASCII.", response.Body, StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
