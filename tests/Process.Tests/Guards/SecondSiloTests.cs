using PolicingHub.Process.Tests.Support;

namespace PolicingHub.Process.Tests.Guards;

/// <summary>DESIGN §5: a second silo started on the same embedded data folder is refused with a clear message.</summary>
public sealed class SecondSiloTests
{
    [Fact]
    public async Task A_second_silo_on_the_same_data_folder_exits_with_one_line_naming_the_folder_and_the_holder()
    {
        var data = Directory.CreateTempSubdirectory("policinghub-second-").FullName;
        try
        {
            await using var first = await SiloProcess.StartAsync(data);

            var (exitCode, errors) = await SiloProcess.RunRefusedAsync(data);

            Assert.Equal(3, exitCode);
            var line = Assert.Single(errors);
            Assert.Equal($"data folder {data} is in use by another silo (pid {first.Pid}); stop it or choose another PolicingHub:DataPath", line);
            using var health = new HttpClient { BaseAddress = first.Address };
            Assert.Equal("Healthy", await health.GetStringAsync("/health")); // the first one is untouched
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
