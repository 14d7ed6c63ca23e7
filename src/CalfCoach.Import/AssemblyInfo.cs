namespace CalfCoach.Import;
