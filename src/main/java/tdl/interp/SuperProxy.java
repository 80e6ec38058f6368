package tdl.interp;

/** What super() returns: attribute lookup starts above {@code start}, methods bind to {@code self}. */
record SuperProxy(TdlClass start, Object self) {
    @Override
    public String toString() { return "<super: " + start.name + ">"; }
}
