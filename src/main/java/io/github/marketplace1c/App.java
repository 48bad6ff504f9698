package io.github.marketplace1c; public class App { public static void main(String[] a){} }
