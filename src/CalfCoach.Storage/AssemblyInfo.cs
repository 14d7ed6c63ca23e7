namespace CalfCoach.Storage;
