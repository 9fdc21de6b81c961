package shouwang.visit.task;

public enum TaskStatus {
    OPEN, DONE, MISSED, CANCELLED
}
