package dev.clicklake.contracts.event;

/** Which split of its file a message is about: index of count. */
public record SplitRef(int index, int count) {
}
