package dev.loyalty.counter;

public record StoreView(long id, String name, String address) {
}
