namespace PolicingHub.Grains.Model;

/// <summary>Draft → Signed → Active ⇄ Suspended → Terminated or Expired.</summary>
[GenerateSerializer, Alias("ph.AgreementStatus")]
public enum AgreementStatus
{
    Draft,
    Signed,
    Active,
    Suspended,
    Terminated,
    Expired,
}
