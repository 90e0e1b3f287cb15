using Microsoft.JSInterop;

namespace PolicingHub.Console.Session;

/// <summary>Keeps the token in the tab's sessionStorage, so a reload stays signed in and closing the tab forgets it.</summary>
public class TokenStore(IJSRuntime js)
{
    private const string Key = "policinghub.token";

    public virtual async Task<string?> ReadAsync()
    {
        try
        {
            return await js.InvokeAsync<string?>("sessionStorage.getItem", Key);
        }
        catch (JSException)
        {
            return null;
        }
    }

    public virtual async Task WriteAsync(string? token)
    {
        try
        {
            if (token is null)
            {
                await js.InvokeVoidAsync("sessionStorage.removeItem", Key);
            }
            else
            {
                await js.InvokeVoidAsync("sessionStorage.setItem", Key, token);
            }
        }
        catch (JSException)
        {
            // Storage refused (private mode): the session lasts until reload.
        }
    }
}
