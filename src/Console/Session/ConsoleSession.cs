using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using PolicingHub.Contracts.Session;

namespace PolicingHub.Console.Session;

/// <summary>
/// The signed-in user: the bearer token and what the hub says it names (GET /api/me). Sign-in explains refusals in
/// words — not a token, expired (when), rejected by this hub, hub unreachable — and signs out when the hub later
/// stops accepting the token (it expired while the page was open).
/// </summary>
public sealed class ConsoleSession(HttpClient http, TokenStore store, TimeProvider time)
{
    public string? Token { get; private set; }

    public SessionView? User { get; private set; }

    /// <summary>Why the last session ended (shown on the sign-in page), e.g. the token expired while the page was open.</summary>
    public string? EndedBecause { get; private set; }

    public bool IsSignedIn => User is not null && Token is not null;

    public ConsoleRole? Role => User?.Role switch
    {
        "partner" => ConsoleRole.Partner,
        "coordinator" => ConsoleRole.Coordinator,
        "operator" => ConsoleRole.Operator,
        _ => null,
    };

    public string? Agency => User?.Agency;

    public event Action? Changed;

    /// <summary>Signs in again with the token this tab kept, if it is still good; quietly stays signed out otherwise.</summary>
    public async Task RestoreAsync()
    {
        if (IsSignedIn || await store.ReadAsync() is not { Length: > 0 } token)
        {
            return;
        }
        var result = await SignInAsync(token);
        if (!result.Succeeded)
        {
            await store.WriteAsync(null);
        }
    }

    public async Task<SignInResult> SignInAsync(string? pasted)
    {
        var token = pasted?.Trim() ?? string.Empty;
        if (token.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            token = token[7..].Trim();
        }
        if (token.Length == 0)
        {
            return SignInResult.Refused("Paste your access token first.");
        }
        if (TokenClaims.TryRead(token) is not { } claims)
        {
            return SignInResult.Refused("That is not a PolicingHub access token. A token is one long line of three parts separated by dots; copy it whole.");
        }
        if (claims.ExpiresAt is { } expires && expires <= time.GetUtcNow())
        {
            return SignInResult.Refused($"This token expired on {expires.UtcDateTime:yyyy-MM-dd HH:mm} UTC. Ask your hub coordinator for a new one.");
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request);
        }
        catch (HttpRequestException)
        {
            return SignInResult.Refused("The hub cannot be reached right now. Check your network connection and try again.");
        }
        using (response)
        {
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                return SignInResult.Refused("This hub does not accept that token: it was issued by another hub or has been altered. Ask your hub coordinator for a new one.");
            }
            if (response.StatusCode == HttpStatusCode.Forbidden)
            {
                return SignInResult.Refused("That token does not name a console role (partner, coordinator or operator).");
            }
            if (!response.IsSuccessStatusCode)
            {
                return SignInResult.Refused($"The hub could not sign you in right now ({(int)response.StatusCode}). Try again in a moment.");
            }
            User = await response.Content.ReadFromJsonAsync<SessionView>();
        }
        Token = token;
        EndedBecause = null;
        await store.WriteAsync(token);
        Changed?.Invoke();
        return SignInResult.Ok;
    }

    public async Task SignOutAsync(string? because = null)
    {
        Token = null;
        User = null;
        EndedBecause = because;
        await store.WriteAsync(null);
        Changed?.Invoke();
    }
}
