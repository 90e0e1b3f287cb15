using PolicingHub.Grains.Agencies;
using PolicingHub.Grains.Model;

namespace PolicingHub.Silo.Demo;

/// <summary>A demo agency and how to register it.</summary>
internal sealed record DemoAgency(AgencyCode Code, RegisterAgency Register);
