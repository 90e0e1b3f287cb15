using System.Text.Json;
using System.Text.Json.Serialization;
using PolicingHub.Grains.Agencies;
using PolicingHub.Grains.Agencies.Events;
using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Agreements.Events;
using PolicingHub.Grains.Audit;
using PolicingHub.Grains.Audit.Events;
using PolicingHub.Grains.Directory;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks;
using PolicingHub.Grains.Tasks.Events;

namespace PolicingHub.Grains;

/// <summary>Source-generated JSON contracts of the domain: grain states, commands, views and events (web defaults, enums as strings).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
// states
[JsonSerializable(typeof(AgencyState))]
[JsonSerializable(typeof(AgreementState))]
[JsonSerializable(typeof(TaskState))]
[JsonSerializable(typeof(AuditState))]
[JsonSerializable(typeof(DirectoryState))]
[JsonSerializable(typeof(DirectoryPageState))]
// commands and arguments
[JsonSerializable(typeof(RegisterAgency))]
[JsonSerializable(typeof(SetReadiness))]
[JsonSerializable(typeof(DraftAgreement))]
[JsonSerializable(typeof(SignAgreement))]
[JsonSerializable(typeof(ChangeAgreementStatus))]
[JsonSerializable(typeof(AddCommitment))]
[JsonSerializable(typeof(ReportCommitmentProgress))]
[JsonSerializable(typeof(FulfilCommitment))]
[JsonSerializable(typeof(WaiveCommitment))]
[JsonSerializable(typeof(AssignTask))]
[JsonSerializable(typeof(AcknowledgeTask))]
[JsonSerializable(typeof(AcceptTask))]
[JsonSerializable(typeof(DeclineTask))]
[JsonSerializable(typeof(PostTaskUpdate))]
[JsonSerializable(typeof(CompleteTask))]
[JsonSerializable(typeof(CancelTask))]
[JsonSerializable(typeof(ReassignTask))]
[JsonSerializable(typeof(AuditEntry))]
[JsonSerializable(typeof(AgencyCode))]
[JsonSerializable(typeof(AgreementId))]
[JsonSerializable(typeof(TaskId))]
[JsonSerializable(typeof(AgreementStatus))]
[JsonSerializable(typeof(CooperationArea))]
[JsonSerializable(typeof(Priority))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(DateTimeOffset))]
// views
[JsonSerializable(typeof(AgencyView))]
[JsonSerializable(typeof(AgreementView))]
[JsonSerializable(typeof(CommitmentView))]
[JsonSerializable(typeof(ResponseDeadlines))]
[JsonSerializable(typeof(TaskView))]
[JsonSerializable(typeof(AuditVerification))]
[JsonSerializable(typeof(DirectoryView))]
// events
[JsonSerializable(typeof(AgencyRegistered))]
[JsonSerializable(typeof(AgencyStatusChanged))]
[JsonSerializable(typeof(AgreementDrafted))]
[JsonSerializable(typeof(AgreementSigned))]
[JsonSerializable(typeof(AgreementStatusChanged))]
[JsonSerializable(typeof(CommitmentAdded))]
[JsonSerializable(typeof(CommitmentProgressReported))]
[JsonSerializable(typeof(CommitmentFulfilled))]
[JsonSerializable(typeof(CommitmentWaived))]
[JsonSerializable(typeof(CommitmentOverdue))]
[JsonSerializable(typeof(ScorecardChanged))]
[JsonSerializable(typeof(TaskAssigned))]
[JsonSerializable(typeof(TaskAcknowledged))]
[JsonSerializable(typeof(TaskAccepted))]
[JsonSerializable(typeof(TaskDeclined))]
[JsonSerializable(typeof(TaskUpdatePosted))]
[JsonSerializable(typeof(TaskCompleted))]
[JsonSerializable(typeof(TaskCancelled))]
[JsonSerializable(typeof(TaskReassigned))]
[JsonSerializable(typeof(TaskEscalated))]
[JsonSerializable(typeof(AuditRecorded))]
public sealed partial class GrainsJsonContext : JsonSerializerContext;
