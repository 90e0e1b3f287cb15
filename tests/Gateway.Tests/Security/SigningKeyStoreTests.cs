using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PolicingHub.Gateway.Security;

namespace PolicingHub.Gateway.Tests.Security;

public sealed class SigningKeyStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("policinghub-keys-").FullName;

    private string KeyPath => Path.Combine(_directory, "nested", "signing-key.b64");

    private SigningKeyStore Store() =>
        new(Options.Create(new AuthOptions { SigningKeyPath = KeyPath }), NullLogger<SigningKeyStore>.Instance);

    [Fact]
    public void First_use_creates_a_random_32_byte_key_file_in_a_new_directory_and_says_so()
    {
        var store = Store();

        Assert.True(store.Created);
        Assert.Equal(32, Convert.FromBase64String(File.ReadAllText(KeyPath)).Length);
        Assert.Equal(Convert.FromBase64String(File.ReadAllText(KeyPath)), store.Key.Key);
    }

    [Fact]
    public void The_created_key_file_is_readable_and_writable_by_its_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        _ = Store().Key;

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyPath));
    }

    [Fact]
    public void A_later_store_loads_the_same_key_and_did_not_create_it()
    {
        var first = Store().Key.Key;

        var second = Store();

        Assert.False(second.Created);
        Assert.Equal(first, second.Key.Key);
    }

    [Fact]
    public void Stores_released_together_on_first_use_always_agree_on_one_key()
    {
        // 100 fresh directories, 8 stores each released by one barrier: the old check-then-rename lost this race.
        for (var round = 0; round < 100; round++)
        {
            var path = Path.Combine(_directory, $"round-{round}", "signing-key.b64");
            using var start = new Barrier(8);
            var keys = new string[8];
            var threads = Enumerable.Range(0, 8).Select(i => new Thread(() =>
            {
                var store = new SigningKeyStore(Options.Create(new AuthOptions { SigningKeyPath = path }), NullLogger<SigningKeyStore>.Instance);
                start.SignalAndWait();
                keys[i] = Convert.ToBase64String(store.Key.Key);
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());

            Assert.Single(keys.Distinct());
            Assert.Equal(keys[0], File.ReadAllText(path).Trim());
            Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
        }
    }

    [Fact]
    public void Two_stores_racing_on_first_use_end_with_one_key()
    {
        var stores = Enumerable.Range(0, 4).Select(_ => Store()).ToList();

        var keys = stores.AsParallel().Select(s => Convert.ToBase64String(s.Key.Key)).Distinct().ToList();

        Assert.Single(keys);
        Assert.Single(stores, s => s.Created);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(KeyPath)!));
    }

    [Fact]
    public void A_key_shorter_than_32_bytes_is_refused_without_showing_it()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(KeyPath)!);
        File.WriteAllText(KeyPath, Convert.ToBase64String(new byte[16]));

        var error = Assert.Throws<InvalidOperationException>(() => Store().Key);

        Assert.Contains("16 bytes", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(new byte[16]), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_file_that_is_not_base64_is_refused()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(KeyPath)!);
        File.WriteAllText(KeyPath, "not base64 at all!");

        Assert.Throws<InvalidOperationException>(() => Store().Key);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
