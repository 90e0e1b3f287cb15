using System.Text.Json;
using Microsoft.Playwright;

namespace PolicingHub.Browser.Tests.Support;

/// <summary>
/// Reads Chromium's accessibility tree (the one screen readers get, over the DevTools protocol) and lists the form
/// controls and buttons on the page that have no accessible name, each described by its element and attributes.
/// </summary>
public static class AccessibleNames
{
    /// <summary>Chromium's roles for things a user operates (case-insensitive): fields, pickers, buttons, links.</summary>
    private static readonly HashSet<string> ControlRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "button", "textbox", "searchbox", "combobox", "listbox", "checkbox", "switch", "radio", "spinbutton", "slider",
        "link", "menuitem", "tab", "date", "datetime", "inputtime",
    };

    /// <summary>Every control with an empty name, as "role &lt;tag attr=…&gt;"; also how many controls were checked.</summary>
    public static async Task<(int Checked, IReadOnlyList<string> Unnamed)> FindUnnamedAsync(IPage page)
    {
        var session = await page.Context.NewCDPSessionAsync(page);
        try
        {
            var tree = await session.SendAsync("Accessibility.getFullAXTree") ?? throw new InvalidOperationException("No accessibility tree.");
            var controls = tree.GetProperty("nodes").EnumerateArray()
                .Where(n => !(n.TryGetProperty("ignored", out var ignored) && ignored.GetBoolean()))
                .Where(n => n.TryGetProperty("role", out var role) && ControlRoles.Contains(role.GetProperty("value").GetString() ?? string.Empty))
                .ToList();
            var unnamed = new List<string>();
            foreach (var node in controls.Where(n => string.IsNullOrWhiteSpace(NameOf(n))))
            {
                unnamed.Add($"{node.GetProperty("role").GetProperty("value").GetString()} {await DescribeAsync(session, node)}");
            }
            return (controls.Count, unnamed);
        }
        finally
        {
            await session.DetachAsync();
        }
    }

    private static string? NameOf(JsonElement node) =>
        node.TryGetProperty("name", out var name) && name.TryGetProperty("value", out var value) ? value.ToString() : null;

    private static async Task<string> DescribeAsync(ICDPSession session, JsonElement node)
    {
        if (!node.TryGetProperty("backendDOMNodeId", out var id))
        {
            return "(no DOM node)";
        }
        var described = await session.SendAsync("DOM.describeNode", new Dictionary<string, object> { ["backendNodeId"] = id.GetInt32() });
        var element = described!.Value.GetProperty("node");
        var attributes = element.TryGetProperty("attributes", out var list) ? list.EnumerateArray().Select(a => a.GetString()).ToArray() : [];
        var pairs = Enumerable.Range(0, attributes.Length / 2).Select(i => $"{attributes[2 * i]}=\"{attributes[2 * i + 1]}\"");
        return $"<{element.GetProperty("localName").GetString()} {string.Join(' ', pairs)}>";
    }
}
