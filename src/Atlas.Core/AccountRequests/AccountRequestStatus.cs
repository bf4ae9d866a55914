namespace Atlas.Core.AccountRequests;

public enum AccountRequestStatus { Pending, Accepted, Refused }
